package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("SendAutomationSignal", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.sendAutomationSignal)
})

// signalTypes is the SignalType enum.
var signalTypes = []string{"Approve", "Reject", "StartStep", "StopStep", "Resume", "Revoke"}

type sendAutomationSignalInput struct {
	AutomationExecutionID *string             `json:"AutomationExecutionId,omitempty"`
	SignalType            *string             `json:"SignalType,omitempty"`
	Payload               map[string][]string `json:"Payload,omitempty"`
}

type sendAutomationSignalOutput struct{}

func (a *api) sendAutomationSignal(ctx context.Context, in *sendAutomationSignalInput) (*sendAutomationSignalOutput, error) {
	var v validate.Errors
	validateExecutionID(&v, in.AutomationExecutionID)
	if v.Required("signalType", in.SignalType != nil) {
		v.Enum("signalType", *in.SignalType, signalTypes...)
	}
	validateParameterMap(&v, "payload", in.Payload)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.Runbooks.Signal(ctx, runbooks.SignalParams{Scope: scope(ctx), ID: *in.AutomationExecutionID,
		Type: *in.SignalType, Payload: in.Payload, Sender: awsproto.CallerFrom(ctx).Principal})
	if err != nil {
		return nil, err
	}
	return &sendAutomationSignalOutput{}, nil
}
