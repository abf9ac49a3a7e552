package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("TagUser", (*api).tagUser)

func (a *api) tagUser(ctx context.Context, form url.Values) (any, error) {
	return a.tagIdentity(ctx, form, sandbox.KindUser, "UserName", 128)
}
