package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("PutRolePolicy", (*api).putRolePolicy)

func (a *api) putRolePolicy(ctx context.Context, form url.Values) (any, error) {
	return a.putInline(ctx, form, sandbox.KindRole)
}

// putInline serves Put{Role,User,Group}Policy.
func (a *api) putInline(ctx context.Context, form url.Values, kind sandbox.Kind) (any, error) {
	in := newInput(form)
	key, maxLen := identityMember(kind)
	if kind == sandbox.KindUser {
		maxLen = 128
	}
	name := in.name(key, maxLen)
	policy := in.name("PolicyName", 128)
	doc := in.document("PolicyDocument")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.PutInlinePolicy(ctx, scope(ctx), kind, name, policy, doc)
}
