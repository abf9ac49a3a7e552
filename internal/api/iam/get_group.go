package iam

import (
	"context"
	"net/url"
)

var _ = register("GetGroup", (*api).getGroup)

type getGroupResult struct {
	Group groupXML         `xml:"Group"`
	Users members[userXML] `xml:"Users"`
	truncation
}

func (a *api) getGroup(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("GroupName", 128)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	g, err := a.IAM.GetGroup(ctx, scope(ctx), name, page)
	if err != nil {
		return nil, err
	}
	return getGroupResult{Group: groupOf(g.Group), Users: listOf(g.Users.Items, listedUser), truncation: truncationOf(g.Users)}, nil
}
