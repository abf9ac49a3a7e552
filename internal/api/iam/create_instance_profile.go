package iam

import (
	"context"
	"net/url"
)

var _ = register("CreateInstanceProfile", (*api).createInstanceProfile)

type instanceProfileResult struct {
	InstanceProfile instanceProfileXML `xml:"InstanceProfile"`
}

func (a *api) createInstanceProfile(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("InstanceProfileName", 128)
	path := in.path("Path", &patPath)
	tags := in.tags("Tags")
	if err := in.err(); err != nil {
		return nil, err
	}
	p, err := a.IAM.CreateInstanceProfile(ctx, scope(ctx), name, path, tags)
	if err != nil {
		return nil, err
	}
	return instanceProfileResult{InstanceProfile: profileOf(p)}, nil
}
