package iam

import (
	"context"
	"net/url"
)

var _ = register("CreatePolicyVersion", (*api).createPolicyVersion)

type policyVersionResult struct {
	PolicyVersion policyVersionXML `xml:"PolicyVersion"`
}

func (a *api) createPolicyVersion(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.arn("PolicyArn")
	doc := in.document("PolicyDocument")
	setDefault := in.Bool("SetAsDefault")
	if err := in.err(); err != nil {
		return nil, err
	}
	v, err := a.IAM.CreatePolicyVersion(ctx, scope(ctx), arn, doc, setDefault != nil && *setDefault)
	if err != nil {
		return nil, err
	}
	return policyVersionResult{PolicyVersion: versionOf(v, false)}, nil
}
