package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListPolicyVersions", (*api).listPolicyVersions)

type listPolicyVersionsResult struct {
	Versions members[policyVersionXML] `xml:"Versions"`
	truncation
}

func (a *api) listPolicyVersions(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.arn("PolicyArn")
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListPolicyVersions(ctx, scope(ctx), arn, page)
	if err != nil {
		return nil, err
	}
	// ListPolicyVersions leaves the documents out, as AWS does.
	conv := func(v *sandbox.PolicyVersion) policyVersionXML { return versionOf(v, false) }
	return listPolicyVersionsResult{Versions: listOf(l.Items, conv), truncation: truncationOf(l)}, nil
}
