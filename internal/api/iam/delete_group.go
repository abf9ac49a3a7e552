package iam

import (
	"context"
	"net/url"
)

var _ = register("DeleteGroup", (*api).deleteGroup)

func (a *api) deleteGroup(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("GroupName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.DeleteGroup(ctx, scope(ctx), name)
}
