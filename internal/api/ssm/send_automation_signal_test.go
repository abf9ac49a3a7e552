package ssm_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestSendAutomationSignal_Approve(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "gate", rbApprove)
	id := rbStart(t, env, "gate", nil)
	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusWaiting, x.AutomationExecutionStatus)
	require.Equal(t, []string{"Approve=Waiting", "After=Pending"}, rbStepStatuses(x))

	require.NoError(t, rbSignal(env, id, types.SignalTypeApprove, map[string][]string{"Comment": {"go"}}))
	rbDrain(t, env)
	x = rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus)
	require.Equal(t, []string{"Approved"}, x.StepExecutions[0].Outputs["ApprovalStatus"])

	err := rbSignal(env, id, types.SignalTypeApprove, nil)
	salvetest.RequireAPIError(t, err, "InvalidAutomationSignalException", "already ended")
}

func TestSendAutomationSignal_Reject(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "gate", rbApprove)
	id := rbStart(t, env, "gate", nil)
	require.NoError(t, rbSignal(env, id, types.SignalTypeReject, map[string][]string{"Comment": {"no"}}))
	rbDrain(t, env)
	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusFailed, x.AutomationExecutionStatus)
	require.Equal(t, []string{"Approve=Failed", "After=Pending"}, rbStepStatuses(x))
	require.Contains(t, *x.StepExecutions[0].FailureMessage, "rejected")
	require.NotEmpty(t, *x.FailureMessage)
}

func TestSendAutomationSignal_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "gate", rbApprove)
	id := rbStart(t, env, "gate", nil)
	for name, tc := range map[string]struct {
		id        string
		typ       types.SignalType
		payload   map[string][]string
		code, msg string
	}{
		"NotWaitingForResume": {id, types.SignalTypeResume, nil, "InvalidAutomationSignalException", "not waiting for a Resume"},
		"StartStep":           {id, types.SignalTypeStartStep, map[string][]string{"StepName": {"After"}}, "InvalidAutomationSignalException", "Interactive"},
		"UnknownStepName":     {id, types.SignalTypeStartStep, map[string][]string{"StepName": {"Nope"}}, "AutomationStepNotFoundException", "Nope"},
		"UnknownStepExecution": {id, types.SignalTypeStopStep, map[string][]string{"StepExecutionId": {"x"}},
			"AutomationStepNotFoundException", "Step execution x"},
		"UnknownExecution": {"00000000-0000-0000-0000-000000000000", types.SignalTypeApprove, nil,
			"AutomationExecutionNotFoundException", "does not exist"},
		"ShortID": {"abc", types.SignalTypeApprove, nil, "ValidationException", "automationExecutionId"},
		"BadType": {id, "Maybe", nil, "ValidationException", "signalType"},
	} {
		t.Run(name, func(t *testing.T) {
			salvetest.RequireAPIError(t, rbSignal(env, tc.id, tc.typ, tc.payload), tc.code, tc.msg)
		})
	}
	t.Run("MissingSignalType", func(t *testing.T) {
		r := env.Raw(t, "AmazonSSM.SendAutomationSignal", `{"AutomationExecutionId":"`+id+`"}`)
		require.Equal(t, "ValidationException", r.Code)
		require.Contains(t, r.Message, "signalType")
	})
	require.Equal(t, types.AutomationExecutionStatusWaiting, rbGet(t, env, id).AutomationExecutionStatus,
		"refused signals change nothing")
}

// rbSteps is a three-step runbook for Interactive mode.
const rbSteps = `schemaVersion: '0.3'
mainSteps:
  - name: One
    action: aws:sleep
    inputs: {Duration: PT0S}
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT1H}
  - name: Last
    action: aws:sleep
    inputs: {Duration: PT0S}
`

func TestSendAutomationSignal_Interactive(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "steps", rbSteps)
	out, err := env.SSM.StartAutomationExecution(ctx, &ssm.StartAutomationExecutionInput{DocumentName: aws.String("steps"),
		Mode: types.ExecutionModeInteractive})
	require.NoError(t, err)
	rbDrain(t, env)
	id := *out.AutomationExecutionId
	signal := func(typ types.SignalType, step ...string) error {
		in := &ssm.SendAutomationSignalInput{AutomationExecutionId: aws.String(id), SignalType: typ}
		if len(step) > 0 {
			in.Payload = map[string][]string{"StepName": step}
		}
		_, err := env.SSM.SendAutomationSignal(ctx, in)
		rbDrain(t, env)
		return err
	}

	x := rbGet(t, env, id)
	require.Equal(t, types.ExecutionModeInteractive, x.Mode)
	require.Equal(t, types.AutomationExecutionStatusWaiting, x.AutomationExecutionStatus, "waits before the first step")
	require.Equal(t, "One", *x.CurrentStepName)
	require.Equal(t, []string{"One=Pending", "Nap=Pending", "Last=Pending"}, rbStepStatuses(x))

	salvetest.RequireAPIError(t, signal(types.SignalTypeStartStep), "InvalidAutomationSignalException", "StepName")
	salvetest.RequireAPIError(t, signal(types.SignalTypeStartStep, "Nope"), "AutomationStepNotFoundException", "Nope")

	require.NoError(t, signal(types.SignalTypeStartStep, "One"))
	x = rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusWaiting, x.AutomationExecutionStatus)
	require.Equal(t, []string{"One=Success", "Nap=Pending", "Last=Pending"}, rbStepStatuses(x))
	require.Equal(t, "Nap", *x.CurrentStepName, "the flow's next step")

	salvetest.RequireAPIError(t, signal(types.SignalTypeResume, "Last"), "InvalidAutomationSignalException", "before step Nap")
	require.NoError(t, signal(types.SignalTypeResume, "Nap"))
	x = rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusInprogress, x.AutomationExecutionStatus)
	require.Equal(t, []string{"One=Success", "Nap=InProgress", "Last=Pending"}, rbStepStatuses(x))
	salvetest.RequireAPIError(t, signal(types.SignalTypeStartStep, "Last"), "InvalidAutomationSignalException",
		"running step Nap")

	rbTick(t, env, time.Hour)
	x = rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusWaiting, x.AutomationExecutionStatus)
	require.Equal(t, "Last", *x.CurrentStepName)

	require.NoError(t, signal(types.SignalTypeStartStep, "One"), "a step may run again")
	require.Equal(t, "Nap", *rbGet(t, env, id).CurrentStepName, "the flow goes on from the step that ran")
	require.NoError(t, signal(types.SignalTypeStartStep, "Last"), "a step may be skipped")
	x = rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus)
	require.Equal(t, []string{"One=Success", "Nap=Success", "One=Success", "Last=Success"}, rbStepStatuses(x))
	salvetest.RequireAPIError(t, signal(types.SignalTypeStartStep, "One"), "InvalidAutomationSignalException", "ended")
}

func TestSendAutomationSignal_InteractiveStop(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "steps", rbSteps)
	out, err := env.SSM.StartAutomationExecution(ctx, &ssm.StartAutomationExecutionInput{DocumentName: aws.String("steps"),
		Mode: types.ExecutionModeInteractive})
	require.NoError(t, err)
	rbDrain(t, env)
	_, err = env.SSM.StopAutomationExecution(ctx, &ssm.StopAutomationExecutionInput{AutomationExecutionId: out.AutomationExecutionId})
	require.NoError(t, err)
	rbDrain(t, env)
	require.Equal(t, types.AutomationExecutionStatusCancelled, rbGet(t, env, *out.AutomationExecutionId).AutomationExecutionStatus)
}

func TestSendAutomationSignal_StartStepNeedsInteractive(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "steps", rbSteps)
	id := rbStart(t, env, "steps", nil)
	_, err := env.SSM.SendAutomationSignal(context.Background(), &ssm.SendAutomationSignalInput{
		AutomationExecutionId: aws.String(id), SignalType: types.SignalTypeStartStep,
		Payload: map[string][]string{"StepName": {"Last"}}})
	salvetest.RequireAPIError(t, err, "InvalidAutomationSignalException", "Mode Interactive")
}
