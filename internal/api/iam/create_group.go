package iam

import (
	"context"
	"net/url"
)

var _ = register("CreateGroup", (*api).createGroup)

type groupResult struct {
	Group groupXML `xml:"Group"`
}

func (a *api) createGroup(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("GroupName", 128)
	path := in.path("Path", &patPath)
	if err := in.err(); err != nil {
		return nil, err
	}
	g, err := a.IAM.CreateGroup(ctx, scope(ctx), name, path)
	if err != nil {
		return nil, err
	}
	return groupResult{Group: groupOf(g)}, nil
}
