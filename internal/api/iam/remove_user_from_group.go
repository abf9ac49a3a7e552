package iam

import (
	"context"
	"net/url"
)

var _ = register("RemoveUserFromGroup", (*api).removeUserFromGroup)

func (a *api) removeUserFromGroup(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	group := in.name("GroupName", 128)
	user := in.name("UserName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.RemoveUserFromGroup(ctx, scope(ctx), group, user)
}
