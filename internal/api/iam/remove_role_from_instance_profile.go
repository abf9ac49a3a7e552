package iam

import (
	"context"
	"net/url"
)

var _ = register("RemoveRoleFromInstanceProfile", (*api).removeRoleFromInstanceProfile)

func (a *api) removeRoleFromInstanceProfile(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	profile := in.name("InstanceProfileName", 128)
	role := in.name("RoleName", 64)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.RemoveRoleFromInstanceProfile(ctx, scope(ctx), profile, role)
}
