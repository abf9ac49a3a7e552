package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("DeleteUserPolicy", (*api).deleteUserPolicy)

func (a *api) deleteUserPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.deleteInline(ctx, form, sandbox.KindUser)
}
