package iam

import (
	"context"
	"net/url"
)

var _ = register("ListRoles", (*api).listRoles)

type listRolesResult struct {
	Roles members[roleXML] `xml:"Roles"`
	truncation
}

func (a *api) listRoles(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	prefix := in.path("PathPrefix", &patPathPrefix)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListRoles(ctx, scope(ctx), prefix, page)
	if err != nil {
		return nil, err
	}
	return listRolesResult{Roles: listOf(l.Items, listedRole), truncation: truncationOf(l)}, nil
}
