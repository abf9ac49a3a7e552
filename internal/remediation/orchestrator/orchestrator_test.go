package orchestrator_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

const (
	rule   = "bucket-rule"
	doc    = "Salve-Fix"
	role   = "arn:aws:iam::123456789012:role/Remediation"
	bucket = "AWS::S3::Bucket"
)

// runbook succeeds for every bucket except those named "bad…", on which
// it fails calling an operation STS does not have.
const runbook = `{
  "schemaVersion": "0.3",
  "assumeRole": "{{ AutomationAssumeRole }}",
  "parameters": {"BucketName": {"type": "String"}, "AutomationAssumeRole": {"type": "String"}},
  "mainSteps": [
    {"name": "route", "action": "aws:branch", "inputs": {
      "Choices": [{"NextStep": "boom", "Variable": "{{ BucketName }}", "StartsWith": "bad"}], "Default": "whoami"}},
    {"name": "whoami", "action": "aws:executeAwsApi", "isEnd": true,
     "inputs": {"Service": "sts", "Api": "GetCallerIdentity"}},
    {"name": "boom", "action": "aws:executeAwsApi", "isEnd": true,
     "inputs": {"Service": "sts", "Api": "NoSuchOperation"}}
  ]
}`

// sleeper sleeps a minute, to hold executions IN_PROGRESS.
const sleeper = `{
  "schemaVersion": "0.3",
  "parameters": {"BucketName": {"type": "String"}, "AutomationAssumeRole": {"type": "String"}},
  "mainSteps": [{"name": "nap", "action": "aws:sleep", "inputs": {"Duration": "PT1M"}}]
}`

func setup(t *testing.T, content string) *salvetest.Env {
	t.Helper()
	env := salvetest.Setup(t)
	seed(t, env, content)
	return env
}

// seed stores the rule and the runbook doc with content.
func seed(t *testing.T, env *salvetest.Env, content string) {
	t.Helper()
	ctx := context.Background()
	_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
		ConfigRuleName: aws.String(rule),
		Source:         &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")},
	}})
	require.NoError(t, err)
	_, err = env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String(doc), Content: aws.String(content),
		DocumentType: ssmtypes.DocumentTypeAutomation, DocumentFormat: ssmtypes.DocumentFormatJson})
	require.NoError(t, err)
}

func config(automatic bool, mod func(*types.RemediationConfiguration)) types.RemediationConfiguration {
	c := types.RemediationConfiguration{
		ConfigRuleName: aws.String(rule), TargetType: types.RemediationTargetTypeSsmDocument, TargetId: aws.String(doc),
		Automatic: automatic,
		Parameters: map[string]types.RemediationParameterValue{
			"BucketName":           {ResourceValue: &types.ResourceValue{Value: types.ResourceValueTypeResourceId}},
			"AutomationAssumeRole": {StaticValue: &types.StaticValue{Values: []string{role}}},
		},
	}
	if mod != nil {
		mod(&c)
	}
	return c
}

func putConfig(t *testing.T, env *salvetest.Env, c types.RemediationConfiguration) {
	t.Helper()
	out, err := env.Config.PutRemediationConfigurations(context.Background(),
		&configservice.PutRemediationConfigurationsInput{RemediationConfigurations: []types.RemediationConfiguration{c}})
	require.NoError(t, err)
	require.Empty(t, out.FailedBatches)
}

func evaluate(t *testing.T, env *salvetest.Env, c types.ComplianceType, ids ...string) {
	t.Helper()
	evals := make([]types.Evaluation, len(ids))
	for i, id := range ids {
		evals[i] = types.Evaluation{ComplianceResourceType: aws.String(bucket), ComplianceResourceId: aws.String(id),
			ComplianceType: c, OrderingTimestamp: aws.Time(env.Clock.Now())}
	}
	out, err := env.Config.PutEvaluations(context.Background(), &configservice.PutEvaluationsInput{ResultToken: aws.String(rule), Evaluations: evals})
	require.NoError(t, err)
	require.Empty(t, out.FailedEvaluations)
}

// statuses returns each bucket's execution state.
func statuses(t *testing.T, env *salvetest.Env, ids ...string) map[string]types.RemediationExecutionState {
	t.Helper()
	out := map[string]types.RemediationExecutionState{}
	for _, st := range status(t, env, ids...) {
		out[*st.ResourceKey.ResourceId] = st.State
	}
	return out
}

func status(t *testing.T, env *salvetest.Env, ids ...string) []types.RemediationExecutionStatus {
	t.Helper()
	var keys []types.ResourceKey
	for _, id := range ids {
		keys = append(keys, types.ResourceKey{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String(id)})
	}
	var all []types.RemediationExecutionStatus
	for i := 0; i < len(keys); i += 100 {
		out, err := env.Config.DescribeRemediationExecutionStatus(context.Background(),
			&configservice.DescribeRemediationExecutionStatusInput{ConfigRuleName: aws.String(rule), ResourceKeys: keys[i:min(i+100, len(keys))]})
		require.NoError(t, err)
		all = append(all, out.RemediationExecutionStatuses...)
	}
	return all
}

func count(m map[string]types.RemediationExecutionState, s types.RemediationExecutionState) int {
	n := 0
	for _, v := range m {
		if v == s {
			n++
		}
	}
	return n
}

func ids(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%02d", prefix, i)
	}
	return out
}

func TestOrchestrator_AutomaticSucceedsWithStepDetails(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(true, nil))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "good")
	require.Equal(t, types.RemediationExecutionStateQueued, statuses(t, env, "good")["good"])

	env.RemediateOnce(t)
	require.Equal(t, types.RemediationExecutionStateInProgress, statuses(t, env, "good")["good"])
	env.Remediate(t)
	st := status(t, env, "good")[0]
	require.Equal(t, types.RemediationExecutionStateSucceeded, st.State)
	require.NotNil(t, st.InvocationTime)
	require.NotNil(t, st.LastUpdatedTime)
	require.Len(t, st.StepDetails, 3)
	require.Equal(t, "route", *st.StepDetails[0].Name)
	require.Equal(t, types.RemediationExecutionStepStateSucceeded, st.StepDetails[0].State)
	require.Equal(t, "whoami", *st.StepDetails[1].Name)
	require.Equal(t, types.RemediationExecutionStepStateSucceeded, st.StepDetails[1].State)
	require.NotNil(t, st.StepDetails[1].StartTime)
	require.Equal(t, "boom", *st.StepDetails[2].Name)
	require.Equal(t, types.RemediationExecutionStepStatePending, st.StepDetails[2].State)
}

func TestOrchestrator_ManualIsNotStartedByEvaluations(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(false, nil))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "good")
	env.Remediate(t)
	require.Empty(t, statuses(t, env, "good"))

	out, err := env.Config.StartRemediationExecution(context.Background(), &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(rule), ResourceKeys: []types.ResourceKey{{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("good")}}})
	require.NoError(t, err)
	require.Empty(t, out.FailedItems)
	env.Remediate(t)
	require.Equal(t, types.RemediationExecutionStateSucceeded, statuses(t, env, "good")["good"])
}

func TestOrchestrator_EnablingAutomaticQueuesNonCompliant(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	evaluate(t, env, types.ComplianceTypeNonCompliant, "a", "b")
	evaluate(t, env, types.ComplianceTypeCompliant, "c")
	putConfig(t, env, config(true, nil))
	got := statuses(t, env, "a", "b", "c")
	require.Equal(t, map[string]types.RemediationExecutionState{
		"a": types.RemediationExecutionStateQueued, "b": types.RemediationExecutionStateQueued}, got)
}

func TestOrchestrator_FailureHasReasonInStepDetails(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(false, nil))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "bad")
	_, err := env.Config.StartRemediationExecution(context.Background(), &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(rule), ResourceKeys: []types.ResourceKey{{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("bad")}}})
	require.NoError(t, err)
	env.Remediate(t)
	st := status(t, env, "bad")[0]
	require.Equal(t, types.RemediationExecutionStateFailed, st.State)
	require.Equal(t, "boom", *st.StepDetails[1].Name)
	require.Equal(t, types.RemediationExecutionStepStateFailed, st.StepDetails[1].State)
	require.NotEmpty(t, aws.ToString(st.StepDetails[1].ErrorMessage))
}

func TestOrchestrator_ConcurrencyBound(t *testing.T) {
	t.Parallel()
	env := setup(t, sleeper)
	putConfig(t, env, config(true, func(c *types.RemediationConfiguration) {
		c.ExecutionControls = &types.ExecutionControls{SsmControls: &types.SsmControls{ConcurrentExecutionRatePercentage: aws.Int32(30)}}
	}))
	all := ids("b", 10)
	evaluate(t, env, types.ComplianceTypeNonCompliant, all...)
	for round := range 5 {
		env.Remediate(t)
		got := statuses(t, env, all...)
		require.LessOrEqual(t, count(got, types.RemediationExecutionStateInProgress), 3, "round %d", round)
		left := 10 - count(got, types.RemediationExecutionStateSucceeded)
		require.Equal(t, min(3, left), count(got, types.RemediationExecutionStateInProgress), "round %d: %v", round, got)
		env.Clock.Advance(time.Minute)
		require.NoError(t, env.Salve.Runbooks.Tick(context.Background()))
	}
	env.Remediate(t)
	require.Equal(t, 10, count(statuses(t, env, all...), types.RemediationExecutionStateSucceeded))
}

// TestOrchestrator_ErrorPercentageExample pins AWS's documented example:
// ErrorPercentage 40 with 10 NON_COMPLIANT resources stops at the fifth
// error.
func TestOrchestrator_ErrorPercentageExample(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(true, func(c *types.RemediationConfiguration) {
		c.MaximumAutomaticAttempts = aws.Int32(1)
		c.ExecutionControls = &types.ExecutionControls{SsmControls: &types.SsmControls{
			ConcurrentExecutionRatePercentage: aws.Int32(10), ErrorPercentage: aws.Int32(40)}}
	}))
	all := ids("bad", 10)
	evaluate(t, env, types.ComplianceTypeNonCompliant, all...)
	env.Remediate(t)
	got := statuses(t, env, all...)
	require.Equal(t, 5, count(got, types.RemediationExecutionStateFailed), "%v", got)
	require.Equal(t, 5, count(got, types.RemediationExecutionStateQueued), "%v", got)
}

func TestOrchestrator_RetriesThenExceptsThenResumesOnExpiry(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(true, func(c *types.RemediationConfiguration) {
		c.MaximumAutomaticAttempts = aws.Int32(3)
		c.RetryAttemptSeconds = aws.Int64(600)
	}))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "bad")
	env.Remediate(t)
	require.Equal(t, types.RemediationExecutionStateFailed, statuses(t, env, "bad")["bad"])
	ex, err := env.Config.DescribeRemediationExceptions(context.Background(), &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(rule)})
	require.NoError(t, err)
	require.Len(t, ex.RemediationExceptions, 1)
	require.Contains(t, aws.ToString(ex.RemediationExceptions[0].Message), "3 attempts failed within 600 seconds")

	// A person replaces it with one that lapses in an hour.
	_, err = env.Config.PutRemediationExceptions(context.Background(), &configservice.PutRemediationExceptionsInput{
		ConfigRuleName: aws.String(rule), ResourceKeys: []types.RemediationExceptionResourceKey{{ResourceType: aws.String(bucket), ResourceId: aws.String("bad")}},
		Message: aws.String("looking into it"), ExpirationTime: aws.Time(env.Clock.Now().Add(time.Hour))})
	require.NoError(t, err)
	env.Clock.Advance(59 * time.Minute)
	env.Remediate(t) // the exception is in force: nothing starts
	require.Equal(t, types.RemediationExecutionStateFailed, statuses(t, env, "bad")["bad"])
	before := *status(t, env, "bad")[0].InvocationTime
	env.Clock.Advance(2 * time.Minute)
	_, err = env.Salve.Orchestrator.Tick(context.Background())
	require.NoError(t, err)
	st := status(t, env, "bad")[0]
	require.Equal(t, types.RemediationExecutionStateInProgress, st.State)
	require.True(t, st.InvocationTime.After(before), "a new execution started after the exception lapsed")
}

func TestOrchestrator_DeleteConfigurationWhileRunning(t *testing.T) {
	t.Parallel()
	env := setup(t, sleeper)
	putConfig(t, env, config(true, nil))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "x")
	env.Remediate(t)
	require.Equal(t, types.RemediationExecutionStateInProgress, statuses(t, env, "x")["x"])
	_, err := env.Config.DeleteRemediationConfiguration(context.Background(), &configservice.DeleteRemediationConfigurationInput{ConfigRuleName: aws.String(rule)})
	salvetest.RequireAPIError(t, err, "RemediationInProgressException")
}
