package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GetAutomationExecution", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.getAutomationExecution)
})

type getAutomationExecutionInput struct {
	AutomationExecutionID *string `json:"AutomationExecutionId,omitempty"`
}

type getAutomationExecutionOutput struct {
	AutomationExecution automationExecution `json:"AutomationExecution"`
}

func (a *api) getAutomationExecution(ctx context.Context, in *getAutomationExecutionInput) (*getAutomationExecutionOutput, error) {
	var v validate.Errors
	validateExecutionID(&v, in.AutomationExecutionID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	x, err := a.Runbooks.Get(ctx, scope(ctx), *in.AutomationExecutionID)
	if err != nil {
		return nil, err
	}
	return &getAutomationExecutionOutput{AutomationExecution: toAutomationExecution(x)}, nil
}

// validateExecutionID checks a required AutomationExecutionId member.
func validateExecutionID(v *validate.Errors, id *string) {
	if v.Required("automationExecutionId", id != nil) {
		v.Len("automationExecutionId", *id, automationIDLen, automationIDLen)
	}
}
