package iam

import (
	"context"
	"net/url"
)

var _ = register("DeletePolicyVersion", (*api).deletePolicyVersion)

func (a *api) deletePolicyVersion(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.arn("PolicyArn")
	id := in.versionID("VersionId")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.DeletePolicyVersion(ctx, scope(ctx), arn, id)
}
