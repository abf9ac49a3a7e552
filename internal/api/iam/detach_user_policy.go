package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("DetachUserPolicy", (*api).detachUserPolicy)

func (a *api) detachUserPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.attachPolicy(ctx, form, sandbox.KindUser, false)
}
