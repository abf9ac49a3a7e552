package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListInstanceProfiles", (*api).listInstanceProfiles)

type listInstanceProfilesResult struct {
	InstanceProfiles members[instanceProfileXML] `xml:"InstanceProfiles"`
	truncation
}

func (a *api) listInstanceProfiles(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	prefix := in.path("PathPrefix", &patPathPrefix)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListInstanceProfiles(ctx, scope(ctx), prefix, page)
	if err != nil {
		return nil, err
	}
	return profilesResult(l), nil
}

func profilesResult(l *sandbox.Listing[sandbox.InstanceProfile]) listInstanceProfilesResult {
	return listInstanceProfilesResult{InstanceProfiles: listOf(l.Items, profileOf), truncation: truncationOf(l)}
}
