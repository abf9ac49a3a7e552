package iam

import (
	"context"
	"net/url"
)

var _ = register("GetInstanceProfile", (*api).getInstanceProfile)

func (a *api) getInstanceProfile(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("InstanceProfileName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	p, err := a.IAM.GetInstanceProfile(ctx, scope(ctx), name)
	if err != nil {
		return nil, err
	}
	return instanceProfileResult{InstanceProfile: profileOf(p)}, nil
}
