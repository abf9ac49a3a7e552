package securityhub

import (
	"context"
	"net/http"

	shdomain "github.com/salvehq/salve/internal/securityhub"
)

var _ = register(http.MethodPost, "/accounts", "EnableSecurityHub", (*api).enableSecurityHub)

type enableSecurityHubInput struct {
	Tags map[string]string `json:"Tags"`
	// EnableDefaultStandards is accepted and ignored: Salve runs no
	// standards.
	EnableDefaultStandards  *bool   `json:"EnableDefaultStandards"`
	ControlFindingGenerator *string `json:"ControlFindingGenerator"`
}

type enableSecurityHubOutput struct{}

func (a *api) enableSecurityHub(ctx context.Context, q *request) (any, error) {
	var in enableSecurityHubInput
	if err := decode(q, &in); err != nil {
		return nil, err
	}
	err := a.Hub.Enable(ctx, q.scope, shdomain.EnableParams{Tags: in.Tags, ControlFindingGenerator: deref(in.ControlFindingGenerator)})
	if err != nil {
		return nil, err
	}
	return enableSecurityHubOutput{}, nil
}
