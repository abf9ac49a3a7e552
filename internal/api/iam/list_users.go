package iam

import (
	"context"
	"net/url"
)

var _ = register("ListUsers", (*api).listUsers)

type listUsersResult struct {
	Users members[userXML] `xml:"Users"`
	truncation
}

func (a *api) listUsers(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	prefix := in.path("PathPrefix", &patPathPrefix)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListUsers(ctx, scope(ctx), prefix, page)
	if err != nil {
		return nil, err
	}
	return listUsersResult{Users: listOf(l.Items, listedUser), truncation: truncationOf(l)}, nil
}
