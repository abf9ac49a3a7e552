package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("AttachUserPolicy", (*api).attachUserPolicy)

func (a *api) attachUserPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.attachPolicy(ctx, form, sandbox.KindUser, true)
}
