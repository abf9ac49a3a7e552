package cli

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// seedApproval stores rule r, a manual configuration needing approval,
// and a queued execution of bucket a awaiting it.
func seedApproval(t *testing.T, env *salvetest.Env) {
	t.Helper()
	ctx := context.Background()
	_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
		ConfigRuleName: aws.String("r"),
		Source:         &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")}}})
	require.NoError(t, err)
	_, err = env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("Fix"), DocumentType: ssmtypes.DocumentTypeAutomation,
		DocumentFormat: ssmtypes.DocumentFormatJson, Content: aws.String(`{"schemaVersion": "0.3", "parameters": {"BucketName": {"type": "String"}},
  "mainSteps": [{"name": "whoami", "action": "aws:executeAwsApi", "inputs": {"Service": "sts", "Api": "GetCallerIdentity"}}]}`)})
	require.NoError(t, err)
	_, err = env.Config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []types.RemediationConfiguration{{ConfigRuleName: aws.String("r"),
			TargetType: types.RemediationTargetTypeSsmDocument, TargetId: aws.String("Fix"),
			Parameters: map[string]types.RemediationParameterValue{
				"BucketName":           {ResourceValue: &types.ResourceValue{Value: types.ResourceValueTypeResourceId}},
				"SalveRequireApproval": {StaticValue: &types.StaticValue{Values: []string{"true"}}}}}}})
	require.NoError(t, err)
	_, err = env.Config.PutEvaluations(ctx, &configservice.PutEvaluationsInput{ResultToken: aws.String("r"),
		Evaluations: []types.Evaluation{{ComplianceResourceType: aws.String("AWS::S3::Bucket"), ComplianceResourceId: aws.String("a"),
			ComplianceType: types.ComplianceTypeNonCompliant, OrderingTimestamp: aws.Time(env.Clock.Now())}}})
	require.NoError(t, err)
	_, err = env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{ConfigRuleName: aws.String("r"),
		ResourceKeys: []types.ResourceKey{{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("a")}}})
	require.NoError(t, err)
}

func TestRemediationAndPlan(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	seedApproval(t, env)
	ep := "--endpoint=" + env.URL

	code, out, errOut := runCLI("plan", ep)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "rule r (manual, runbook Fix): 1 NON_COMPLIANT")
	require.Contains(t, out, "AWS::S3::Bucket/a")
	require.Contains(t, out, "AWAITING_APPROVAL")

	args := []string{"--rule", "r", "--resource-type", "AWS::S3::Bucket", "--resource-id", "a", ep}
	code, out, errOut = runCLI(append([]string{"remediation", "approve"}, args...)...)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "approved AWS::S3::Bucket/a of rule r: execution QUEUED")

	code, _, errOut = runCLI(append([]string{"remediation", "reject"}, args...)...)
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "awaiting approval: rule r, resource AWS::S3::Bucket/a (HTTP 409)")

	code, _, errOut = runCLI("remediation", "approve", "--rule", "r", ep)
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "resourceType is required")

	code, _, errOut = runCLI("remediation", "frob")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "usage: salve remediation approve|reject")

	code, _, errOut = runCLI("plan", "--rule", "nope", ep)
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "No remediation configuration exists for the rule nope")
}
