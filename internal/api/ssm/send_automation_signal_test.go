package ssm_test

import (
	"testing"

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
