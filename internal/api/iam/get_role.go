package iam

import (
	"context"
	"net/url"
)

var _ = register("GetRole", (*api).getRole)

func (a *api) getRole(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("RoleName", 64)
	if err := in.err(); err != nil {
		return nil, err
	}
	r, err := a.IAM.GetRole(ctx, scope(ctx), name)
	if err != nil {
		return nil, err
	}
	return roleResult{Role: roleOf(r, true)}, nil
}
