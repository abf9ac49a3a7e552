package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("UntagUser", (*api).untagUser)

func (a *api) untagUser(ctx context.Context, form url.Values) (any, error) {
	return a.untagIdentity(ctx, form, sandbox.KindUser, "UserName", 128)
}
