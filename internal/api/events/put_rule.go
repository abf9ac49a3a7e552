package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.putRule) })

type putRuleInput struct {
	Name               *string `json:"Name,omitempty"`
	ScheduleExpression *string `json:"ScheduleExpression,omitempty"`
	EventPattern       *string `json:"EventPattern,omitempty"`
	State              *string `json:"State,omitempty"`
	Description        *string `json:"Description,omitempty"`
	RoleArn            *string `json:"RoleArn,omitempty"`
	Tags               []Tag   `json:"Tags,omitempty"`
	EventBusName       *string `json:"EventBusName,omitempty"`
}

type putRuleOutput struct {
	RuleArn string `json:"RuleArn"`
}

func (a *api) putRule(ctx context.Context, in *putRuleInput) (*putRuleOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "name", in.Name)
	v.String("scheduleExpression", in.ScheduleExpression, 0, 256)
	v.String("eventPattern", in.EventPattern, 0, 4096)
	v.OptionalEnum("state", in.State, events.States...)
	v.String("description", in.Description, 0, 512)
	v.String("roleArn", in.RoleArn, 1, 1600)
	validateTags(&v, "tags", in.Tags)
	validateBus(&v, "eventBusName", in.EventBusName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	arn, err := a.Events.PutRule(ctx, scope(ctx), events.PutRuleParams{Name: *in.Name, Bus: value(in.EventBusName),
		EventPattern: in.EventPattern, ScheduleExpression: in.ScheduleExpression, State: in.State,
		Description: in.Description, RoleARN: in.RoleArn, Tags: toTags(in.Tags)})
	if err != nil {
		return nil, err
	}
	return &putRuleOutput{RuleArn: arn}, nil
}
