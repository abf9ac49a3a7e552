package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DisableRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.disableRule) })

type disableRuleInput struct {
	Name         *string `json:"Name,omitempty"`
	EventBusName *string `json:"EventBusName,omitempty"`
}

type disableRuleOutput struct{}

func (a *api) disableRule(ctx context.Context, in *disableRuleInput) (*disableRuleOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "name", in.Name)
	validateBus(&v, "eventBusName", in.EventBusName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Events.SetRuleState(ctx, scope(ctx), value(in.EventBusName), *in.Name, events.StateDisabled); err != nil {
		return nil, err
	}
	return &disableRuleOutput{}, nil
}
