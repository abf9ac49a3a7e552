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

func TestStopAutomationExecution_Cancels(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "sleepy", rbSleep)
	id := rbStart(t, env, "sleepy", nil)

	_, err := env.SSM.StopAutomationExecution(ctx, &ssm.StopAutomationExecutionInput{AutomationExecutionId: aws.String(id)})
	require.NoError(t, err)
	rbDrain(t, env)
	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusCancelled, x.AutomationExecutionStatus)
	require.Equal(t, []string{"Nap=Cancelled", "After=Pending"}, rbStepStatuses(x))

	rbTick(t, env, 2*time.Hour)
	require.Equal(t, types.AutomationExecutionStatusCancelled, rbGet(t, env, id).AutomationExecutionStatus,
		"a cancelled sleep never wakes")

	_, err = env.SSM.StopAutomationExecution(ctx, &ssm.StopAutomationExecutionInput{AutomationExecutionId: aws.String(id),
		Type: types.StopTypeCancel})
	salvetest.RequireAPIError(t, err, "InvalidAutomationStatusUpdateException", "already ended with status Cancelled")
}

func TestStopAutomationExecution_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.SSM.StopAutomationExecution(ctx, &ssm.StopAutomationExecutionInput{
		AutomationExecutionId: aws.String("00000000-0000-0000-0000-000000000000")})
	salvetest.RequireAPIError(t, err, "AutomationExecutionNotFoundException", "does not exist")
	_, err = env.SSM.StopAutomationExecution(ctx, &ssm.StopAutomationExecutionInput{
		AutomationExecutionId: aws.String("00000000-0000-0000-0000-000000000000"), Type: "Pause"})
	salvetest.RequireAPIError(t, err, "ValidationException", "type")
	r := env.Raw(t, "AmazonSSM.StopAutomationExecution", `{}`)
	require.Equal(t, "ValidationException", r.Code)
	require.Contains(t, r.Message, "automationExecutionId")
}
