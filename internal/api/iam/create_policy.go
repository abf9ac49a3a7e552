package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("CreatePolicy", (*api).createPolicy)

type policyResult struct {
	Policy policyXML `xml:"Policy"`
}

func (a *api) createPolicy(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.CreatePolicyParams{
		PolicyName:     in.name("PolicyName", 128),
		Path:           in.path("Path", &patPolicyPath),
		PolicyDocument: in.document("PolicyDocument"),
		Tags:           in.tags("Tags"),
	}
	if d := in.Str("Description"); d != nil {
		in.check("description", *d, 0, 1000, nil)
		p.Description = *d
	}
	if err := in.err(); err != nil {
		return nil, err
	}
	pol, err := a.IAM.CreatePolicy(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	return policyResult{Policy: policyOf(pol)}, nil
}
