package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("StopAutomationExecution", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.stopAutomationExecution)
})

type stopAutomationExecutionInput struct {
	AutomationExecutionID *string `json:"AutomationExecutionId,omitempty"`
	Type                  *string `json:"Type,omitempty"`
}

type stopAutomationExecutionOutput struct{}

func (a *api) stopAutomationExecution(ctx context.Context, in *stopAutomationExecutionInput) (*stopAutomationExecutionOutput, error) {
	var v validate.Errors
	validateExecutionID(&v, in.AutomationExecutionID)
	v.OptionalEnum("type", in.Type, runbooks.StopComplete, runbooks.StopCancel)
	if err := v.Err(); err != nil {
		return nil, err
	}
	typ := runbooks.StopCancel
	if in.Type != nil {
		typ = *in.Type
	}
	if err := a.Runbooks.Stop(ctx, scope(ctx), *in.AutomationExecutionID, typ); err != nil {
		return nil, err
	}
	return &stopAutomationExecutionOutput{}, nil
}
