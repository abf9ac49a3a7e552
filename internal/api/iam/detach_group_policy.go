package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("DetachGroupPolicy", (*api).detachGroupPolicy)

func (a *api) detachGroupPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.attachPolicy(ctx, form, sandbox.KindGroup, false)
}
