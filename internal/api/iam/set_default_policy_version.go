package iam

import (
	"context"
	"net/url"
)

var _ = register("SetDefaultPolicyVersion", (*api).setDefaultPolicyVersion)

func (a *api) setDefaultPolicyVersion(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.arn("PolicyArn")
	id := in.versionID("VersionId")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.SetDefaultPolicyVersion(ctx, scope(ctx), arn, id)
}
