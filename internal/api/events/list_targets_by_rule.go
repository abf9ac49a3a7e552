package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListTargetsByRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.listTargetsByRule) })

type listTargetsByRuleInput struct {
	Rule         *string `json:"Rule,omitempty"`
	EventBusName *string `json:"EventBusName,omitempty"`
	NextToken    *string `json:"NextToken,omitempty"`
	Limit        *int32  `json:"Limit,omitempty"`
}

type listTargetsByRuleOutput struct {
	Targets   []Target `json:"Targets"`
	NextToken string   `json:"NextToken,omitempty"`
}

func (a *api) listTargetsByRule(ctx context.Context, in *listTargetsByRuleInput) (*listTargetsByRuleOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "rule", in.Rule)
	validateBus(&v, "eventBusName", in.EventBusName)
	validatePage(&v, in.NextToken, in.Limit)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Events.ListTargetsByRule(ctx, scope(ctx), *in.Rule, events.ListParams{Bus: value(in.EventBusName),
		NextToken: value(in.NextToken), Limit: intValue(in.Limit)})
	if err != nil {
		return nil, err
	}
	out := &listTargetsByRuleOutput{Targets: make([]Target, len(page.Targets)), NextToken: page.NextToken}
	for i := range page.Targets {
		out.Targets[i] = fromTarget(&page.Targets[i])
	}
	return out, nil
}
