package securityhub

import (
	"context"
	"net/http"

	shdomain "github.com/salvehq/salve/internal/securityhub"
)

var _ = register(http.MethodGet, "/accounts", "DescribeHub", (*api).describeHub)

type describeHubOutput struct {
	HubArn                  string `json:"HubArn"`
	SubscribedAt            string `json:"SubscribedAt,omitempty"`
	AutoEnableControls      bool   `json:"AutoEnableControls"`
	ControlFindingGenerator string `json:"ControlFindingGenerator,omitempty"`
}

// describeHub takes the HubArn query parameter.
func (a *api) describeHub(ctx context.Context, q *request) (any, error) {
	h, err := a.Hub.Describe(ctx, q.scope, q.http.URL.Query().Get("HubArn"))
	if err != nil {
		return nil, err
	}
	out := describeHubOutput{HubArn: h.ARN, AutoEnableControls: h.AutoEnableControls, ControlFindingGenerator: h.ControlFindingGenerator}
	if !h.SubscribedAt.IsZero() {
		out.SubscribedAt = shdomain.FormatTime(h.SubscribedAt)
	}
	return out, nil
}
