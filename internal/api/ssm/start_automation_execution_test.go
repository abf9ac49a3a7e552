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

func TestStartAutomationExecution_RunsToSuccess(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "quick", rbQuick)
	id := rbStart(t, env, "quick", map[string][]string{"Name": {"salve"}})

	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus)
	require.Equal(t, []string{"Greet=Success", "Rest=Success"}, rbStepStatuses(x))
	require.Equal(t, "quick", *x.DocumentName)
	require.Equal(t, "1", *x.DocumentVersion)
	require.Equal(t, types.ExecutionModeAuto, x.Mode)
	require.Equal(t, []string{"salve"}, x.Parameters["Name"])
	require.Equal(t, []string{"hello salve"}, x.Variables["Greeting"])
	require.Equal(t, salvetest.Start, x.ExecutionStartTime.UTC())
	require.NotNil(t, x.ExecutionEndTime)
	require.NotEmpty(t, *x.ExecutedBy)
	require.Equal(t, int32(2), x.ProgressCounters.TotalSteps)
	require.Equal(t, int32(2), x.ProgressCounters.SuccessSteps)
	require.Len(t, *x.StepExecutions[0].StepExecutionId, 36)
}

func TestStartAutomationExecution_Branch(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "branchy", rbBranch)

	red := rbGet(t, env, rbStart(t, env, "branchy", map[string][]string{"Color": {"red"}}))
	require.Equal(t, types.AutomationExecutionStatusSuccess, red.AutomationExecutionStatus)
	require.Equal(t, []string{"Choose=Success", "Red=Success", "Other=Pending"}, rbStepStatuses(red),
		"the step never run is listed as Pending")

	blue := rbGet(t, env, rbStart(t, env, "branchy", map[string][]string{"Color": {"blue"}}))
	require.Equal(t, []string{"Choose=Success", "Other=Success", "Red=Pending"}, rbStepStatuses(blue))
}

func TestStartAutomationExecution_SleepWaitsForTheClock(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "sleepy", rbSleep)
	id := rbStart(t, env, "sleepy", nil)

	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusInprogress, x.AutomationExecutionStatus)
	require.Equal(t, []string{"Nap=InProgress", "After=Pending"}, rbStepStatuses(x))
	require.Equal(t, "Nap", *x.CurrentStepName)

	rbTick(t, env, 59*time.Minute)
	require.Equal(t, types.AutomationExecutionStatusInprogress, rbGet(t, env, id).AutomationExecutionStatus)

	rbTick(t, env, time.Minute)
	x = rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus)
	require.Equal(t, salvetest.Start.Add(time.Hour), x.ExecutionEndTime.UTC())
}

func TestStartAutomationExecution_ClientToken(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "quick", rbQuick)
	in := &ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"),
		ClientToken: aws.String("6c1e5f1e-0000-4000-8000-00000000000A"), Parameters: map[string][]string{"Name": {"a"}}}
	first, err := env.SSM.StartAutomationExecution(ctx, in)
	require.NoError(t, err)
	in.ClientToken = aws.String("6c1e5f1e-0000-4000-8000-00000000000a")
	again, err := env.SSM.StartAutomationExecution(ctx, in)
	require.NoError(t, err)
	require.Equal(t, *first.AutomationExecutionId, *again.AutomationExecutionId, "same token (any case), same request")

	in.Parameters = map[string][]string{"Name": {"b"}}
	_, err = env.SSM.StartAutomationExecution(ctx, in)
	salvetest.RequireAPIError(t, err, "IdempotentParameterMismatch", "different request")

	list, err := env.SSM.DescribeAutomationExecutions(ctx, &ssm.DescribeAutomationExecutionsInput{})
	require.NoError(t, err)
	require.Len(t, list.AutomationExecutionMetadataList, 1, "only one execution was started")
}

func TestStartAutomationExecution_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "quick", rbQuick)
	_, err := env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("cmd"),
		Content: aws.String(docCommandJSON), DocumentType: types.DocumentTypeCommand})
	require.NoError(t, err)
	start := func(in *ssm.StartAutomationExecutionInput) error {
		_, err := env.SSM.StartAutomationExecution(ctx, in)
		return err
	}
	for name, tc := range map[string]struct {
		in        *ssm.StartAutomationExecutionInput
		code, msg string
	}{
		"UnknownRunbook": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("nope")},
			"AutomationDefinitionNotFoundException", "nope does not exist"},
		"UnknownVersion": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"), DocumentVersion: aws.String("9")},
			"AutomationDefinitionVersionNotFoundException", "Version 9"},
		"CommandDocument": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("cmd")},
			"AutomationDefinitionNotFoundException", "not an Automation runbook"},
		"UndeclaredParameter": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"),
			Parameters: map[string][]string{"Bogus": {"x"}}}, "InvalidAutomationExecutionParametersException", "Bogus"},
		"BadName": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("a b")}, "ValidationException", "documentName"},
		"BadVersion": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"), DocumentVersion: aws.String("0")},
			"ValidationException", "documentVersion"},
		"BadToken": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"), ClientToken: aws.String("short")},
			"ValidationException", "clientToken"},
		"BadMode": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"), Mode: "Manual"},
			"ValidationException", "mode"},
		"BadMaxErrors": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"), MaxErrors: aws.String("x")},
			"ValidationException", "maxErrors"},
		"LongParameterValue": {&ssm.StartAutomationExecutionInput{DocumentName: aws.String("quick"),
			Parameters: map[string][]string{"Name": {string(make([]byte, 513))}}}, "ValidationException", "512"},
	} {
		t.Run(name, func(t *testing.T) {
			salvetest.RequireAPIError(t, start(tc.in), tc.code, tc.msg)
		})
	}
	t.Run("MissingDocumentName", func(t *testing.T) {
		r := env.Raw(t, "AmazonSSM.StartAutomationExecution", `{}`)
		require.Equal(t, 400, r.Status)
		require.Equal(t, "ValidationException", r.Code)
		require.Contains(t, r.Message, "documentName")
	})
}

func TestStartAutomationExecution_ChildAutomation(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "quick", rbQuick)
	rbCreate(t, env.SSM, "parent", `schemaVersion: '0.3'
mainSteps:
  - name: Child
    action: aws:executeAutomation
    inputs: {DocumentName: quick, RuntimeParameters: {Name: [kid]}}
`)
	id := rbStart(t, env, "parent", nil)
	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus,
		"the finished child wakes its parent without a tick: %v", x.FailureMessage)
	childID := x.StepExecutions[0].Outputs["ExecutionId"]
	require.Len(t, childID, 1)

	children, err := env.SSM.DescribeAutomationExecutions(ctx, &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{rbFilter(types.AutomationExecutionFilterKeyParentExecutionId, id)}})
	require.NoError(t, err)
	require.Len(t, children.AutomationExecutionMetadataList, 1)
	child := children.AutomationExecutionMetadataList[0]
	require.Equal(t, childID[0], *child.AutomationExecutionId)
	require.Equal(t, id, *child.ParentAutomationExecutionId)
	require.Equal(t, []string{"hello kid"}, rbGet(t, env, childID[0]).Variables["Greeting"])
}
