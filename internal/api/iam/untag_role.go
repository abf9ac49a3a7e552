package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("UntagRole", (*api).untagRole)

func (a *api) untagRole(ctx context.Context, form url.Values) (any, error) {
	return a.untagIdentity(ctx, form, sandbox.KindRole, "RoleName", 64)
}

// untagIdentity serves UntagRole and UntagUser.
func (a *api) untagIdentity(ctx context.Context, form url.Values, kind sandbox.Kind, nameKey string, maxLen int) (any, error) {
	in := newInput(form)
	name := in.name(nameKey, maxLen)
	keys := in.tagKeys("TagKeys")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.UntagIdentity(ctx, scope(ctx), kind, name, keys)
}
