package configservice_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

func TestDeleteRemediationConfiguration(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	cfg := remConfig()
	cfg.ResourceType = aws.String(remBucket)
	remPutConfig(t, env.Config, cfg)

	_, err := env.Config.DeleteRemediationConfiguration(ctx, &configservice.DeleteRemediationConfigurationInput{
		ConfigRuleName: aws.String(remRule), ResourceType: aws.String("AWS::EC2::Instance")})
	remRequireError(t, err, "NoSuchRemediationConfigurationException", "resource type AWS::EC2::Instance", "AWS::S3::Bucket")

	_, err = env.Config.DeleteRemediationConfiguration(ctx, &configservice.DeleteRemediationConfigurationInput{
		ConfigRuleName: aws.String(remRule), ResourceType: aws.String(remBucket)})
	require.NoError(t, err)
	out, err := env.Config.DescribeRemediationConfigurations(ctx, &configservice.DescribeRemediationConfigurationsInput{ConfigRuleNames: []string{remRule}})
	require.NoError(t, err)
	require.Empty(t, out.RemediationConfigurations)

	_, err = env.Config.DeleteRemediationConfiguration(ctx, &configservice.DeleteRemediationConfigurationInput{ConfigRuleName: aws.String(remRule)})
	remRequireError(t, err, "NoSuchRemediationConfigurationException", "No remediation configuration exists for the rule "+remRule)
}

func TestDeleteRemediationConfiguration_InProgress(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remPutConfig(t, env.Config, remConfig())
	remEvaluate(t, env, env.Config, remRule, "NON_COMPLIANT", "b1")
	_, err := env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1")})
	require.NoError(t, err)

	_, err = env.Config.DeleteRemediationConfiguration(ctx, &configservice.DeleteRemediationConfigurationInput{ConfigRuleName: aws.String(remRule)})
	remRequireError(t, err, "RemediationInProgressException", "in progress for 1 resource(s)")

	// The orchestrator finishes the execution; the configuration can go,
	// and its execution history goes with it.
	remFinishExecution(t, env, remRule, "b1", remediation.StateSucceeded)
	_, err = env.Config.DeleteRemediationConfiguration(ctx, &configservice.DeleteRemediationConfigurationInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	remPutConfig(t, env.Config, remConfig())
	status, err := env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Empty(t, status.RemediationExecutionStatuses)
}

// remFinishExecution moves a QUEUED execution through IN_PROGRESS to a
// final state, as the orchestrator will.
func remFinishExecution(t *testing.T, env *salvetest.Env, rule, bucket string, final remediation.ExecutionState) {
	t.Helper()
	sc := tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}
	require.NoError(t, env.Store.Update(context.Background(), func(tx store.Tx) error {
		e, err := remediation.FindExecution(tx, sc, rule, remBucket, bucket)
		require.NoError(t, err)
		require.NoError(t, e.Transition(remediation.StateInProgress, env.Clock.Now()))
		require.NoError(t, e.Transition(final, env.Clock.Now()))
		return remediation.PutExecution(tx, sc, e)
	}))
}

func TestDeleteConfigRule_WithRemediationConfiguration(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remPutConfig(t, env.Config, remConfig())

	_, err := env.Config.DeleteConfigRule(ctx, &configservice.DeleteConfigRuleInput{ConfigRuleName: aws.String(remRule)})
	remRequireError(t, err, "ResourceInUseException", "The rule "+remRule+" is currently being used by a remediation action")

	_, err = env.Config.DeleteRemediationConfiguration(ctx, &configservice.DeleteRemediationConfigurationInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	_, err = env.Config.DeleteConfigRule(ctx, &configservice.DeleteConfigRuleInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
}

func TestDeleteRemediationConfiguration_Validation(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	_, err := env.Config.DeleteRemediationConfiguration(context.Background(), &configservice.DeleteRemediationConfigurationInput{
		ConfigRuleName: aws.String(strings.Repeat("r", 129))})
	remRequireError(t, err, "ValidationException", "'configRuleName'", "length less than or equal to 128")
	_, err = env.Config.DeleteRemediationConfiguration(context.Background(), &configservice.DeleteRemediationConfigurationInput{
		ConfigRuleName: aws.String("")})
	remRequireError(t, err, "ValidationException", "'configRuleName'", "length greater than or equal to 1")
	remRawError(t, env, "DeleteRemediationConfiguration", `{}`, "ValidationException", "'configRuleName' failed to satisfy constraint: Member must not be null")
}
