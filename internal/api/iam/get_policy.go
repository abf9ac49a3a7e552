package iam

import (
	"context"
	"net/url"
)

var _ = register("GetPolicy", (*api).getPolicy)

func (a *api) getPolicy(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.arn("PolicyArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	p, err := a.IAM.GetPolicy(ctx, scope(ctx), arn)
	if err != nil {
		return nil, err
	}
	return policyResult{Policy: policyOf(p)}, nil
}
