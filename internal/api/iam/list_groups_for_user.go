package iam

import (
	"context"
	"net/url"
)

var _ = register("ListGroupsForUser", (*api).listGroupsForUser)

func (a *api) listGroupsForUser(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("UserName", 128)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListGroupsForUser(ctx, scope(ctx), name, page)
	if err != nil {
		return nil, err
	}
	return groupsResult(l), nil
}
