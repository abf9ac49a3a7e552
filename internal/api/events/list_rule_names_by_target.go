package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListRuleNamesByTarget", func(a *api) awsproto.Handler { return awsproto.JSON(a.listRuleNamesByTarget) })

type listRuleNamesByTargetInput struct {
	TargetArn    *string `json:"TargetArn,omitempty"`
	EventBusName *string `json:"EventBusName,omitempty"`
	NextToken    *string `json:"NextToken,omitempty"`
	Limit        *int32  `json:"Limit,omitempty"`
}

type listRuleNamesByTargetOutput struct {
	RuleNames []string `json:"RuleNames"`
	NextToken string   `json:"NextToken,omitempty"`
}

func (a *api) listRuleNamesByTarget(ctx context.Context, in *listRuleNamesByTargetInput) (*listRuleNamesByTargetOutput, error) {
	var v validate.Errors
	if v.Required("targetArn", in.TargetArn != nil) {
		v.Len("targetArn", *in.TargetArn, 1, 1600)
	}
	validateBus(&v, "eventBusName", in.EventBusName)
	validatePage(&v, in.NextToken, in.Limit)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Events.ListRuleNamesByTarget(ctx, scope(ctx), *in.TargetArn, events.ListParams{
		Bus: value(in.EventBusName), NextToken: value(in.NextToken), Limit: intValue(in.Limit)})
	if err != nil {
		return nil, err
	}
	names := page.Names
	if names == nil {
		names = []string{}
	}
	return &listRuleNamesByTargetOutput{RuleNames: names, NextToken: page.NextToken}, nil
}
