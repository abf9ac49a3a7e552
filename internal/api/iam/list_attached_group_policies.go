package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListAttachedGroupPolicies", (*api).listAttachedGroupPolicies)

func (a *api) listAttachedGroupPolicies(ctx context.Context, form url.Values) (any, error) {
	return a.listAttached(ctx, form, sandbox.KindGroup)
}
