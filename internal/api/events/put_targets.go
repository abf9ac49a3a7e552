package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutTargets", func(a *api) awsproto.Handler { return awsproto.JSON(a.putTargets) })

type putTargetsInput struct {
	Rule         *string  `json:"Rule,omitempty"`
	EventBusName *string  `json:"EventBusName,omitempty"`
	Targets      []Target `json:"Targets,omitempty"`
}

type putTargetsOutput struct {
	FailedEntryCount int           `json:"FailedEntryCount"`
	FailedEntries    []FailedEntry `json:"FailedEntries"`
}

func (a *api) putTargets(ctx context.Context, in *putTargetsInput) (*putTargetsOutput, error) {
	var v validate.Errors
	validateRuleName(&v, "rule", in.Rule)
	validateBus(&v, "eventBusName", in.EventBusName)
	if v.Required("targets", in.Targets != nil) {
		v.Items("targets", len(in.Targets), 1, maxTargetsPerRequest, len(in.Targets))
	}
	for i := range in.Targets {
		validateTarget(&v, i, &in.Targets[i])
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	targets := make([]events.Target, len(in.Targets))
	for i := range in.Targets {
		targets[i] = toTarget(&in.Targets[i])
	}
	failed, err := a.Events.PutTargets(ctx, scope(ctx), value(in.EventBusName), *in.Rule, targets)
	if err != nil {
		return nil, err
	}
	return &putTargetsOutput{FailedEntryCount: len(failed), FailedEntries: fromFailed(failed)}, nil
}
