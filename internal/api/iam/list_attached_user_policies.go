package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListAttachedUserPolicies", (*api).listAttachedUserPolicies)

func (a *api) listAttachedUserPolicies(ctx context.Context, form url.Values) (any, error) {
	return a.listAttached(ctx, form, sandbox.KindUser)
}
