package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListUserPolicies", (*api).listUserPolicies)

func (a *api) listUserPolicies(ctx context.Context, form url.Values) (any, error) {
	return a.listInline(ctx, form, sandbox.KindUser)
}
