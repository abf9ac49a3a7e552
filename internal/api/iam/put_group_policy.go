package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("PutGroupPolicy", (*api).putGroupPolicy)

func (a *api) putGroupPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.putInline(ctx, form, sandbox.KindGroup)
}
