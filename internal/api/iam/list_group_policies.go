package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListGroupPolicies", (*api).listGroupPolicies)

func (a *api) listGroupPolicies(ctx context.Context, form url.Values) (any, error) {
	return a.listInline(ctx, form, sandbox.KindGroup)
}
