package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListRules", func(a *api) awsproto.Handler { return awsproto.JSON(a.listRules) })

type listRulesInput struct {
	NamePrefix   *string `json:"NamePrefix,omitempty"`
	EventBusName *string `json:"EventBusName,omitempty"`
	NextToken    *string `json:"NextToken,omitempty"`
	Limit        *int32  `json:"Limit,omitempty"`
}

type listRulesOutput struct {
	Rules     []Rule `json:"Rules"`
	NextToken string `json:"NextToken,omitempty"`
}

func (a *api) listRules(ctx context.Context, in *listRulesInput) (*listRulesOutput, error) {
	var v validate.Errors
	if in.NamePrefix != nil {
		v.Len("namePrefix", *in.NamePrefix, 1, 64)
		v.Pattern("namePrefix", *in.NamePrefix, ruleNamePattern)
	}
	validateBus(&v, "eventBusName", in.EventBusName)
	validatePage(&v, in.NextToken, in.Limit)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Events.ListRules(ctx, scope(ctx), events.ListParams{Bus: value(in.EventBusName),
		NamePrefix: value(in.NamePrefix), NextToken: value(in.NextToken), Limit: intValue(in.Limit)})
	if err != nil {
		return nil, err
	}
	out := &listRulesOutput{Rules: make([]Rule, len(page.Rules)), NextToken: page.NextToken}
	for i := range page.Rules {
		out.Rules[i] = fromRule(&page.Rules[i])
	}
	return out, nil
}
