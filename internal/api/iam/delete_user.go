package iam

import (
	"context"
	"net/url"
)

var _ = register("DeleteUser", (*api).deleteUser)

func (a *api) deleteUser(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("UserName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.DeleteUser(ctx, scope(ctx), name)
}
