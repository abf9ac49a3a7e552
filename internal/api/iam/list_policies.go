package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListPolicies", (*api).listPolicies)

type listPoliciesResult struct {
	Policies members[policyXML] `xml:"Policies"`
	truncation
}

func (a *api) listPolicies(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.ListPoliciesParams{
		Scope:      in.enum("Scope", "All", "AWS", "Local"),
		PathPrefix: in.path("PathPrefix", &patPolicyPath),
		Page:       in.page(),
	}
	if b := in.Bool("OnlyAttached"); b != nil {
		p.OnlyAttached = *b
	}
	// Permissions boundaries are not modelled: no policy is used as one.
	boundaries := in.enum("PolicyUsageFilter", "PermissionsPolicy", "PermissionsBoundary") == "PermissionsBoundary"
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListPolicies(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	if boundaries {
		l.Items = nil
	}
	return listPoliciesResult{Policies: listOf(l.Items, listedPolicy), truncation: truncationOf(l)}, nil
}
