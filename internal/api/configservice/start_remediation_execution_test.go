package configservice_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

func TestStartRemediationExecution_Queues(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	cfg := remConfig()
	cfg.Parameters["SSEAlgorithm"] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: []string{"aws:kms"}}}
	remPutConfig(t, env.Config, cfg)
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNonCompliant, "b1", "b2")

	out, err := env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1", "b2", "never-evaluated")})
	require.NoError(t, err)
	require.Empty(t, out.FailedItems)
	require.Nil(t, out.FailureMessage)

	status, err := env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Len(t, status.RemediationExecutionStatuses, 3)
	for _, s := range status.RemediationExecutionStatuses {
		require.Equal(t, types.RemediationExecutionStateQueued, s.State)
		require.Equal(t, types.ResourceTypeBucket, s.ResourceKey.ResourceType)
		require.True(t, env.Clock.Now().Equal(aws.ToTime(s.InvocationTime)))
		require.True(t, env.Clock.Now().Equal(aws.ToTime(s.LastUpdatedTime)))
		require.Empty(t, s.StepDetails)
	}

	// The record carries what the orchestrator needs to run the runbook.
	sc := tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}
	require.NoError(t, env.Store.View(ctx, func(tx store.Tx) error {
		e, err := remediation.FindExecution(tx, sc, remRule, remBucket, "b1")
		require.NoError(t, err)
		require.Equal(t, remediation.TriggerManual, e.Trigger)
		require.Equal(t, 1, e.Attempt)
		require.Equal(t, remDoc, e.Target.DocumentName)
		require.Equal(t, map[string][]string{"BucketName": {"b1"}, "SSEAlgorithm": {"aws:kms"}}, e.Target.Parameters)
		queue, err := remediation.ScanQueue(tx, 0)
		require.NoError(t, err)
		require.Len(t, queue, 3)
		return nil
	}))
}

func TestStartRemediationExecution_FailedItems(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remPutConfig(t, env.Config, remConfig())
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNonCompliant, "b1", "b2")
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeCompliant, "ok")
	_, err := env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1")})
	require.NoError(t, err)

	env.Clock.Advance(time.Minute)
	out, err := env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1", "b2", "ok", "b2")})
	require.NoError(t, err)
	require.Equal(t, remKeys("b1", "ok", "b2"), out.FailedItems)
	msg := aws.ToString(out.FailureMessage)
	require.Contains(t, msg, "3 of 4 resources were not queued for remediation")
	require.Contains(t, msg, "already QUEUED or IN_PROGRESS; wait for it to finish (AWS::S3::Bucket/b1, AWS::S3::Bucket/b2)")
	require.Contains(t, msg, "the resource is already compliant with rule "+remRule+" (AWS::S3::Bucket/ok)")

	status, err := env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1")})
	require.NoError(t, err)
	require.Len(t, status.RemediationExecutionStatuses, 1)
	require.True(t, env.Clock.Now().Add(-time.Minute).Equal(aws.ToTime(status.RemediationExecutionStatuses[0].InvocationTime)),
		"a refused start leaves the running execution alone")

	// Once the execution finished, the resource can be remediated again.
	remFinishExecution(t, env, remRule, "b1", remediation.StateFailed)
	out, err = env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1")})
	require.NoError(t, err)
	require.Empty(t, out.FailedItems)
}

func TestStartRemediationExecution_ResourceTypeOfConfiguration(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	cfg := remConfig()
	cfg.ResourceType = aws.String(remBucket)
	remPutConfig(t, env.Config, cfg)
	out, err := env.Config.StartRemediationExecution(context.Background(), &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule),
		ResourceKeys:   []types.ResourceKey{{ResourceType: types.ResourceTypeInstance, ResourceId: aws.String("i-1")}}})
	require.NoError(t, err)
	require.Len(t, out.FailedItems, 1)
	require.Contains(t, aws.ToString(out.FailureMessage), "applies to AWS::S3::Bucket resources only")
}

func TestStartRemediationExecution_Errors(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	_, err := env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1")})
	remRequireError(t, err, "NoSuchRemediationConfigurationException", "No remediation configuration exists for the rule "+remRule)

	ids := make([]string, 101)
	for i := range ids {
		ids[i] = "b"
	}
	tests := []struct {
		name string
		in   configservice.StartRemediationExecutionInput
		want []string
	}{
		{"TooManyKeys", configservice.StartRemediationExecutionInput{ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys(ids...)},
			[]string{"'resourceKeys'", "length less than or equal to 100"}},
		{"ResourceTypeEnum", configservice.StartRemediationExecutionInput{ConfigRuleName: aws.String(remRule),
			ResourceKeys: []types.ResourceKey{{ResourceType: "AWS::S3::Buckets", ResourceId: aws.String("b")}}},
			[]string{"Value 'AWS::S3::Buckets' at 'resourceKeys.1.member.resourceType'", "enum value set: [AWS::EC2::CustomerGateway,", "AWS::S3::Bucket,"}},
		{"ResourceIdTooLong", configservice.StartRemediationExecutionInput{ConfigRuleName: aws.String(remRule),
			ResourceKeys: []types.ResourceKey{remKey(strings.Repeat("i", 769))}},
			[]string{"resourceKeys.1.member.resourceId", "length less than or equal to 768"}},
		{"ResourceIdEmpty", configservice.StartRemediationExecutionInput{ConfigRuleName: aws.String(remRule),
			ResourceKeys: []types.ResourceKey{remKey("")}},
			[]string{"resourceKeys.1.member.resourceId", "length greater than or equal to 1"}},
		{"RuleNameBlank", configservice.StartRemediationExecutionInput{ConfigRuleName: aws.String(" "), ResourceKeys: remKeys("b")},
			[]string{"'configRuleName'", "pattern"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := env.Config.StartRemediationExecution(ctx, &tc.in)
			remRequireError(t, err, "ValidationException", tc.want...)
		})
	}
	op := "StartRemediationExecution"
	remRawError(t, env, op, `{"ConfigRuleName":"r","ResourceKeys":[]}`, "ValidationException", "'resourceKeys'", "length greater than or equal to 1")
	remRawError(t, env, op, `{"ConfigRuleName":"r"}`, "ValidationException", "'resourceKeys' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, op, `{"ResourceKeys":[{"resourceType":"AWS::S3::Bucket","resourceId":"b"}]}`, "ValidationException", "'configRuleName' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, op, `{"ConfigRuleName":"r","ResourceKeys":[{"resourceId":"b"}]}`, "ValidationException", "'resourceKeys.1.member.resourceType' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, op, `{"ConfigRuleName":"r","ResourceKeys":[{"ResourceType":"AWS::S3::Bucket","ResourceId":"b"}]}`, "ValidationException",
		"'resourceKeys.1.member.resourceType' failed to satisfy constraint: Member must not be null") // ResourceKey is lowerCamel
}
