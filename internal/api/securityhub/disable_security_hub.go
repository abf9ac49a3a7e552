package securityhub

import (
	"context"
	"net/http"
)

var _ = register(http.MethodDelete, "/accounts", "DisableSecurityHub", (*api).disableSecurityHub)

type disableSecurityHubOutput struct{}

func (a *api) disableSecurityHub(ctx context.Context, q *request) (any, error) {
	if err := a.Hub.Disable(ctx, q.scope); err != nil {
		return nil, err
	}
	return disableSecurityHubOutput{}, nil
}
