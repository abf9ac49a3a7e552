package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("DeleteGroupPolicy", (*api).deleteGroupPolicy)

func (a *api) deleteGroupPolicy(ctx context.Context, form url.Values) (any, error) {
	return a.deleteInline(ctx, form, sandbox.KindGroup)
}
