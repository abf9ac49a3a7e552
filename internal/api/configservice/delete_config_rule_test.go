package configservice_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestDeleteConfigRule(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putTestRule(t, env.Config, "doomed")
	putTestRule(t, env.Config, "kept")
	putTestEvaluations(t, env.Config, "doomed", testEval("b1", types.ComplianceTypeNonCompliant, salvetest.Start))
	putTestEvaluations(t, env.Config, "kept", testEval("b1", types.ComplianceTypeCompliant, salvetest.Start))

	_, err := env.Config.DeleteConfigRule(ctx, &configservice.DeleteConfigRuleInput{ConfigRuleName: aws.String("doomed")})
	require.NoError(t, err)

	_, err = env.Config.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{"doomed"}})
	requireRulesError(t, err, "NoSuchConfigRuleException", "doomed")

	details, err := env.Config.GetComplianceDetailsByResource(ctx, &configservice.GetComplianceDetailsByResourceInput{
		ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b1"),
	})
	require.NoError(t, err)
	require.Len(t, details.EvaluationResults, 1, "the deleted rule's results are gone")
	require.Equal(t, "kept", aws.ToString(details.EvaluationResults[0].EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName))

	byRes, err := env.Config.DescribeComplianceByResource(ctx, &configservice.DescribeComplianceByResourceInput{})
	require.NoError(t, err)
	require.Len(t, byRes.ComplianceByResources, 1)
	require.Equal(t, types.ComplianceTypeCompliant, byRes.ComplianceByResources[0].Compliance.ComplianceType)

	putTestRule(t, env.Config, "doomed")
	again, err := env.Config.GetComplianceDetailsByConfigRule(ctx, &configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String("doomed")})
	require.NoError(t, err)
	require.Empty(t, again.EvaluationResults, "a re-created rule starts without results")
}

func TestDeleteConfigRule_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	putTestRule(t, env.Config, "mine")

	_, err := env.Config.DeleteConfigRule(context.Background(), &configservice.DeleteConfigRuleInput{ConfigRuleName: aws.String("missing")})
	requireRulesError(t, err, "NoSuchConfigRuleException", "missing")
	_, err = other.DeleteConfigRule(context.Background(), &configservice.DeleteConfigRuleInput{ConfigRuleName: aws.String("mine")})
	requireRulesError(t, err, "NoSuchConfigRuleException", "mine")
	_, err = env.Config.DeleteConfigRule(context.Background(), &configservice.DeleteConfigRuleInput{ConfigRuleName: aws.String(" ")})
	requireRulesError(t, err, "ValidationException", "'configRuleName' failed to satisfy constraint: Member must satisfy regular expression pattern")

	code, msg := rawRulesCall(t, env, "DeleteConfigRule", `{}`)
	require.Equal(t, "ValidationException", code)
	require.Contains(t, msg, "'configRuleName' failed to satisfy constraint: Member must not be null")

	describeTestRule(t, env.Config, "mine") // still there
}
