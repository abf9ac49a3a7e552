package iam

import (
	"context"
	"net/url"
)

var _ = register("DeleteRole", (*api).deleteRole)

func (a *api) deleteRole(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("RoleName", 64)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.DeleteRole(ctx, scope(ctx), name)
}
