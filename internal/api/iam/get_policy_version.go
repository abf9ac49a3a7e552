package iam

import (
	"context"
	"net/url"
)

var _ = register("GetPolicyVersion", (*api).getPolicyVersion)

func (a *api) getPolicyVersion(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.arn("PolicyArn")
	id := in.versionID("VersionId")
	if err := in.err(); err != nil {
		return nil, err
	}
	v, err := a.IAM.GetPolicyVersion(ctx, scope(ctx), arn, id)
	if err != nil {
		return nil, err
	}
	return policyVersionResult{PolicyVersion: versionOf(v, true)}, nil
}
