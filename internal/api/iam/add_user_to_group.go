package iam

import (
	"context"
	"net/url"
)

var _ = register("AddUserToGroup", (*api).addUserToGroup)

func (a *api) addUserToGroup(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	group := in.name("GroupName", 128)
	user := in.name("UserName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.AddUserToGroup(ctx, scope(ctx), group, user)
}
