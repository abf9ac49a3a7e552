package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("PutUserPolicy", (*api).putUserPolicy)

func (a *api) putUserPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.putInline(ctx, form, sandbox.KindUser)
}
