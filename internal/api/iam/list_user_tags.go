package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListUserTags", (*api).listUserTags)

func (a *api) listUserTags(ctx context.Context, form url.Values) (any, error) {
	return a.listIdentityTags(ctx, form, sandbox.KindUser, "UserName", 128)
}
