package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeRule) })

type describeRuleInput struct {
	Name         *string `json:"Name,omitempty"`
	EventBusName *string `json:"EventBusName,omitempty"`
}

type describeRuleOutput struct {
	Rule
	CreatedBy string `json:"CreatedBy"`
}

func (a *api) describeRule(ctx context.Context, in *describeRuleInput) (*describeRuleOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "name", in.Name)
	validateBus(&v, "eventBusName", in.EventBusName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	r, err := a.Events.DescribeRule(ctx, scope(ctx), value(in.EventBusName), *in.Name)
	if err != nil {
		return nil, err
	}
	return &describeRuleOutput{Rule: fromRule(r), CreatedBy: r.CreatedBy}, nil
}
