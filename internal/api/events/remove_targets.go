package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("RemoveTargets", func(a *api) awsproto.Handler { return awsproto.JSON(a.removeTargets) })

type removeTargetsInput struct {
	Rule         *string  `json:"Rule,omitempty"`
	EventBusName *string  `json:"EventBusName,omitempty"`
	Ids          []string `json:"Ids,omitempty"`
	Force        *bool    `json:"Force,omitempty"`
}

type removeTargetsOutput struct {
	FailedEntryCount int           `json:"FailedEntryCount"`
	FailedEntries    []FailedEntry `json:"FailedEntries"`
}

func (a *api) removeTargets(ctx context.Context, in *removeTargetsInput) (*removeTargetsOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "rule", in.Rule)
	validateBus(&v, "eventBusName", in.EventBusName)
	if v.Required("ids", in.Ids != nil) {
		v.Items("ids", len(in.Ids), 1, 100, len(in.Ids))
	}
	for i, id := range in.Ids {
		v.Len(validate.Member("ids", i, ""), id, 1, 64)
		v.Pattern(validate.Member("ids", i, ""), id, targetIDPattern)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	failed, err := a.Events.RemoveTargets(ctx, scope(ctx), value(in.EventBusName), *in.Rule, in.Ids)
	if err != nil {
		return nil, err
	}
	return &removeTargetsOutput{FailedEntryCount: len(failed), FailedEntries: fromFailed(failed)}, nil
}
