package iam

import (
	"context"
	"net/url"
)

var _ = register("DeleteAccountPasswordPolicy", (*api).deleteAccountPasswordPolicy)

func (a *api) deleteAccountPasswordPolicy(ctx context.Context, _ url.Values) (any, error) {
	return empty{}, a.IAM.DeleteAccountPasswordPolicy(ctx, scope(ctx))
}
