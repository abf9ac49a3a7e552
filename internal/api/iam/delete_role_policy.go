package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("DeleteRolePolicy", (*api).deleteRolePolicy)

func (a *api) deleteRolePolicy(ctx context.Context, form url.Values) (any, error) {
	return a.deleteInline(ctx, form, sandbox.KindRole)
}

// deleteInline serves Delete{Role,User,Group}Policy.
func (a *api) deleteInline(ctx context.Context, form url.Values, kind sandbox.Kind) (any, error) {
	in := newInput(form)
	key, maxLen := identityMember(kind)
	if kind == sandbox.KindUser {
		maxLen = 128
	}
	name := in.name(key, maxLen)
	policy := in.name("PolicyName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.DeleteInlinePolicy(ctx, scope(ctx), kind, name, policy)
}
