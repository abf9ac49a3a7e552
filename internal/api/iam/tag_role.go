package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("TagRole", (*api).tagRole)

func (a *api) tagRole(ctx context.Context, form url.Values) (any, error) {
	return a.tagIdentity(ctx, form, sandbox.KindRole, "RoleName", 64)
}

// tagIdentity serves TagRole and TagUser.
func (a *api) tagIdentity(ctx context.Context, form url.Values, kind sandbox.Kind, nameKey string, maxLen int) (any, error) {
	in := newInput(form)
	name := in.name(nameKey, maxLen)
	tags := in.requiredTags("Tags")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.TagIdentity(ctx, scope(ctx), kind, name, tags)
}
