package iam

import (
	"context"
	"net/url"
)

var _ = register("ListInstanceProfilesForRole", (*api).listInstanceProfilesForRole)

func (a *api) listInstanceProfilesForRole(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("RoleName", 64)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListInstanceProfilesForRole(ctx, scope(ctx), name, page)
	if err != nil {
		return nil, err
	}
	return profilesResult(l), nil
}
