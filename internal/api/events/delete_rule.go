package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteRule) })

type deleteRuleInput struct {
	Name         *string `json:"Name,omitempty"`
	EventBusName *string `json:"EventBusName,omitempty"`
	Force        *bool   `json:"Force,omitempty"`
}

type deleteRuleOutput struct{}

func (a *api) deleteRule(ctx context.Context, in *deleteRuleInput) (*deleteRuleOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "name", in.Name)
	validateBus(&v, "eventBusName", in.EventBusName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	force := in.Force != nil && *in.Force
	if err := a.Events.DeleteRule(ctx, scope(ctx), value(in.EventBusName), *in.Name, force); err != nil {
		return nil, err
	}
	return &deleteRuleOutput{}, nil
}
