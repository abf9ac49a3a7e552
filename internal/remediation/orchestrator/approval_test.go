package orchestrator_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/tenant"
)

var scope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

func withApproval(v ...string) func(*types.RemediationConfiguration) {
	return func(c *types.RemediationConfiguration) {
		c.Parameters[remediation.ApprovalParameter] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: v}}
	}
}

func key(id string) remediation.ResourceKey {
	return remediation.ResourceKey{ResourceType: bucket, ResourceID: id}
}

func TestOrchestrator_ApprovalGate(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(true, withApproval("true")))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "yes", "no")
	env.Remediate(t)
	for _, st := range status(t, env, "yes", "no") {
		require.Equal(t, types.RemediationExecutionStateQueued, st.State, "waits for approval")
		require.Len(t, st.StepDetails, 1)
		require.Equal(t, remediation.AwaitingApprovalStep, *st.StepDetails[0].Name)
		require.Equal(t, types.RemediationExecutionStepStatePending, st.StepDetails[0].State)
	}

	ctx := context.Background()
	require.NoError(t, env.Salve.Remediation.Approve(ctx, scope, rule, key("yes")))
	require.NoError(t, env.Salve.Remediation.Reject(ctx, scope, rule, key("no")))
	env.Remediate(t)
	got := status(t, env, "yes", "no")
	byID := map[string]types.RemediationExecutionStatus{}
	for _, st := range got {
		byID[*st.ResourceKey.ResourceId] = st
	}
	require.Equal(t, types.RemediationExecutionStateSucceeded, byID["yes"].State)
	require.Equal(t, "route", *byID["yes"].StepDetails[0].Name, "the runbook's steps replace the approval step")
	require.Equal(t, types.RemediationExecutionStateFailed, byID["no"].State, "rejected, and not retried")
	require.Equal(t, types.RemediationExecutionStepStateFailed, byID["no"].StepDetails[0].State)
	require.Contains(t, aws.ToString(byID["no"].StepDetails[0].ErrorMessage), "rejected")

	err := env.Salve.Remediation.Approve(ctx, scope, rule, key("no"))
	require.ErrorIs(t, err, remediation.ErrNotAwaitingApproval)
}

func TestOrchestrator_ApprovalParameterIsNotPassedToTheRunbook(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(false, withApproval("false")))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "good")
	_, err := env.Config.StartRemediationExecution(context.Background(), &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(rule), ResourceKeys: []types.ResourceKey{{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("good")}}})
	require.NoError(t, err)
	env.Remediate(t)
	require.Equal(t, types.RemediationExecutionStateSucceeded, statuses(t, env, "good")["good"],
		"\"false\" runs at once, and the runbook (which does not declare the parameter) accepted its parameters")
}

func TestOrchestrator_ApprovalParameterValidated(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	for _, v := range [][]string{{"yes"}, {"true", "true"}, {}} {
		out, err := env.Config.PutRemediationConfigurations(context.Background(), &configservice.PutRemediationConfigurationsInput{
			RemediationConfigurations: []types.RemediationConfiguration{config(true, withApproval(v...))}})
		require.NoError(t, err)
		require.Len(t, out.FailedBatches, 1, "%v", v)
		require.Contains(t, aws.ToString(out.FailedBatches[0].FailureMessage), remediation.ApprovalParameter)
	}
}
