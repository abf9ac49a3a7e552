package configservice_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/stretchr/testify/require"
)

func TestDescribeRemediationConfigurations_OnlyExisting(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	remPutRule(t, env.Config, "no-remediation")
	remPutConfig(t, env.Config, remConfig())

	out, err := env.Config.DescribeRemediationConfigurations(context.Background(), &configservice.DescribeRemediationConfigurationsInput{
		ConfigRuleNames: []string{"no-such-rule", remRule, "no-remediation", remRule}})
	require.NoError(t, err, "unknown rules and rules without a configuration are not errors")
	require.Len(t, out.RemediationConfigurations, 1, "absent names are left out, a repeated name is answered once")
	require.Equal(t, remRule, aws.ToString(out.RemediationConfigurations[0].ConfigRuleName))

	out, err = env.Config.DescribeRemediationConfigurations(context.Background(), &configservice.DescribeRemediationConfigurationsInput{
		ConfigRuleNames: []string{}})
	require.NoError(t, err)
	require.Empty(t, out.RemediationConfigurations)
}

func TestDescribeRemediationConfigurations_Validation(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	_, err := env.Config.DescribeRemediationConfigurations(context.Background(), &configservice.DescribeRemediationConfigurationsInput{
		ConfigRuleNames: make([]string, 26)})
	remRequireError(t, err, "ValidationException", "'configRuleNames'", "length less than or equal to 25")
	_, err = env.Config.DescribeRemediationConfigurations(context.Background(), &configservice.DescribeRemediationConfigurationsInput{
		ConfigRuleNames: []string{strings.Repeat("r", 129)}})
	remRequireError(t, err, "ValidationException", "configRuleNames.1.member", "length less than or equal to 128")
	_, err = env.Config.DescribeRemediationConfigurations(context.Background(), &configservice.DescribeRemediationConfigurationsInput{
		ConfigRuleNames: []string{"ok", " "}})
	remRequireError(t, err, "ValidationException", "configRuleNames.2.member", "pattern")
	remRawError(t, env, "DescribeRemediationConfigurations", `{}`, "ValidationException",
		"'configRuleNames' failed to satisfy constraint: Member must not be null")
}

func TestRemediation_CrossAccountIsolation(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remPutConfig(t, env.Config, remConfig())
	remEvaluate(t, env, env.Config, remRule, "NON_COMPLIANT", "b1")
	_, err := env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b1")})
	require.NoError(t, err)
	_, err = env.Config.PutRemediationExceptions(ctx, &configservice.PutRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("b1")})
	require.NoError(t, err)

	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	remPutRule(t, other, remRule)
	configs, err := other.DescribeRemediationConfigurations(ctx, &configservice.DescribeRemediationConfigurationsInput{ConfigRuleNames: []string{remRule}})
	require.NoError(t, err)
	require.Empty(t, configs.RemediationConfigurations, "another account does not see the configuration")
	_, err = other.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{ConfigRuleName: aws.String(remRule)})
	remRequireError(t, err, "NoSuchRemediationConfigurationException")
	_, err = other.DeleteRemediationConfiguration(ctx, &configservice.DeleteRemediationConfigurationInput{ConfigRuleName: aws.String(remRule)})
	remRequireError(t, err, "NoSuchRemediationConfigurationException")
	excs, err := other.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Empty(t, excs.RemediationExceptions, "another account does not see the exception")

	otherRegion, _, _ := env.Clients("AKIDSALVETEST", "secret", "eu-west-1")
	configs, err = otherRegion.DescribeRemediationConfigurations(ctx, &configservice.DescribeRemediationConfigurationsInput{ConfigRuleNames: []string{remRule}})
	require.NoError(t, err)
	require.Empty(t, configs.RemediationConfigurations, "another region does not see the configuration")

	configs, err = env.Config.DescribeRemediationConfigurations(ctx, &configservice.DescribeRemediationConfigurationsInput{ConfigRuleNames: []string{remRule}})
	require.NoError(t, err)
	require.Len(t, configs.RemediationConfigurations, 1)
}
