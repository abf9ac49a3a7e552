package iam

import (
	"context"
	"net/url"
)

var _ = register("UpdateAssumeRolePolicy", (*api).updateAssumeRolePolicy)

func (a *api) updateAssumeRolePolicy(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.name("RoleName", 64)
	doc := in.document("PolicyDocument")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.UpdateAssumeRolePolicy(ctx, scope(ctx), name, doc)
}
