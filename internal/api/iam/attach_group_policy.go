package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("AttachGroupPolicy", (*api).attachGroupPolicy)

func (a *api) attachGroupPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.attachPolicy(ctx, form, sandbox.KindGroup, true)
}
