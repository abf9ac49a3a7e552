package iam

import (
	"context"
	"net/url"
)

var _ = register("DeleteInstanceProfile", (*api).deleteInstanceProfile)

func (a *api) deleteInstanceProfile(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("InstanceProfileName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.DeleteInstanceProfile(ctx, scope(ctx), name)
}
