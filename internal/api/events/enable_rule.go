package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("EnableRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.enableRule) })

type enableRuleInput struct {
	Name         *string `json:"Name,omitempty"`
	EventBusName *string `json:"EventBusName,omitempty"`
}

type enableRuleOutput struct{}

func (a *api) enableRule(ctx context.Context, in *enableRuleInput) (*enableRuleOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "name", in.Name)
	validateBus(&v, "eventBusName", in.EventBusName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Events.SetRuleState(ctx, scope(ctx), value(in.EventBusName), *in.Name, events.StateEnabled); err != nil {
		return nil, err
	}
	return &enableRuleOutput{}, nil
}
