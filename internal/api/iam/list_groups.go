package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListGroups", (*api).listGroups)

type listGroupsResult struct {
	Groups members[groupXML] `xml:"Groups"`
	truncation
}

func (a *api) listGroups(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	prefix := in.path("PathPrefix", &patPathPrefix)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListGroups(ctx, scope(ctx), prefix, page)
	if err != nil {
		return nil, err
	}
	return groupsResult(l), nil
}

func groupsResult(l *sandbox.Listing[sandbox.Group]) listGroupsResult {
	return listGroupsResult{Groups: listOf(l.Items, groupOf), truncation: truncationOf(l)}
}
