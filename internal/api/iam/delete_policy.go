package iam

import (
	"context"
	"net/url"
)

var _ = register("DeletePolicy", (*api).deletePolicy)

func (a *api) deletePolicy(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.arn("PolicyArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.DeletePolicy(ctx, scope(ctx), arn)
}
