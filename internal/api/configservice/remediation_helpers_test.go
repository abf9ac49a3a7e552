package configservice_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// Names shared by the remediation tests.
const (
	remRule    = "s3-encryption"
	remDoc     = "Salve-EncryptBucket"
	remRoleArn = "arn:aws:iam::123456789012:role/ConfigRemediationAutomationRole"
	remBucket  = "AWS::S3::Bucket"
)

// remDocContent is an Automation runbook with one required parameter
// (BucketName) and two with defaults.
const remDocContent = `{
  "schemaVersion": "0.3",
  "assumeRole": "{{ AutomationAssumeRole }}",
  "parameters": {
    "BucketName": {"type": "String"},
    "SSEAlgorithm": {"type": "String", "default": "AES256"},
    "AutomationAssumeRole": {"type": "String", "default": ""}
  },
  "mainSteps": [{"name": "encrypt", "action": "aws:sleep", "inputs": {"Duration": "PT1S"}}]
}`

// remSetup starts a server with the rule remRule and the Automation
// document remDoc in the default account.
func remSetup(t *testing.T) *salvetest.Env {
	t.Helper()
	env := salvetest.Setup(t)
	remPutRule(t, env.Config, remRule)
	remCreateDocument(t, env.SSM, remDoc, remDocContent, ssmtypes.DocumentTypeAutomation)
	return env
}

// remPutRule creates a managed rule.
func remPutRule(t *testing.T, c *configservice.Client, name string) {
	t.Helper()
	_, err := c.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
		ConfigRuleName: aws.String(name),
		Source:         &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")},
	}})
	require.NoError(t, err)
}

// remCreateDocument creates an SSM document with JSON content.
func remCreateDocument(t *testing.T, c *ssm.Client, name, content string, docType ssmtypes.DocumentType) {
	t.Helper()
	_, err := c.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String(name), Content: aws.String(content), DocumentType: docType, DocumentFormat: ssmtypes.DocumentFormatJson,
	})
	require.NoError(t, err)
}

// remEvaluate records the rule's result for S3 buckets, the way a rule
// evaluated outside Salve reports (ResultToken = rule name).
func remEvaluate(t *testing.T, env *salvetest.Env, c *configservice.Client, rule string, compliance types.ComplianceType, ids ...string) {
	t.Helper()
	evals := make([]types.Evaluation, len(ids))
	for i, id := range ids {
		evals[i] = types.Evaluation{ComplianceResourceType: aws.String(remBucket), ComplianceResourceId: aws.String(id),
			ComplianceType: compliance, OrderingTimestamp: aws.Time(env.Clock.Now())}
	}
	out, err := c.PutEvaluations(context.Background(), &configservice.PutEvaluationsInput{ResultToken: aws.String(rule), Evaluations: evals})
	require.NoError(t, err)
	require.Empty(t, out.FailedEvaluations)
}

// remConfig is a valid manual configuration of remRule on remDoc.
func remConfig() types.RemediationConfiguration {
	return types.RemediationConfiguration{
		ConfigRuleName: aws.String(remRule), TargetType: types.RemediationTargetTypeSsmDocument, TargetId: aws.String(remDoc),
		Parameters: map[string]types.RemediationParameterValue{
			"BucketName": {ResourceValue: &types.ResourceValue{Value: types.ResourceValueTypeResourceId}},
		},
	}
}

// remPutConfig stores configurations and requires that none failed.
func remPutConfig(t *testing.T, c *configservice.Client, cfgs ...types.RemediationConfiguration) {
	t.Helper()
	out, err := c.PutRemediationConfigurations(context.Background(), &configservice.PutRemediationConfigurationsInput{RemediationConfigurations: cfgs})
	require.NoError(t, err)
	require.Empty(t, out.FailedBatches)
}

// remKey is an S3 bucket's ResourceKey.
func remKey(id string) types.ResourceKey {
	return types.ResourceKey{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String(id)}
}

// remExceptionKey is an S3 bucket's RemediationExceptionResourceKey.
func remExceptionKey(id string) types.RemediationExceptionResourceKey {
	return types.RemediationExceptionResourceKey{ResourceType: aws.String(remBucket), ResourceId: aws.String(id)}
}

// remRequireError asserts err is the AWS error code and its message holds
// every fragment.
func remRequireError(t *testing.T, err error, code string, fragments ...string) {
	t.Helper()
	salvetest.RequireAPIError(t, err, code, fragments...)
}

// remRaw posts a JSON body to a Config operation without the SDK (which
// refuses to send some invalid requests). It returns the HTTP status and
// the decoded body.
func remRaw(t *testing.T, env *salvetest.Env, op, body string) (int, map[string]any) {
	t.Helper()
	res := env.Raw(t, "StarlingDoveService."+op, body)
	return res.Status, res.Body
}

// remRawError posts body and requires an AWS error with the code whose
// message holds every fragment.
func remRawError(t *testing.T, env *salvetest.Env, op, body, code string, fragments ...string) {
	t.Helper()
	status, out := remRaw(t, env, op, body)
	require.Equal(t, http.StatusBadRequest, status, "body: %v", out)
	require.Equal(t, code, out["__type"], "body: %v", out)
	for _, f := range fragments {
		require.Contains(t, out["message"], f)
	}
}

// remKeys are S3 buckets' ResourceKeys.
func remKeys(ids ...string) []types.ResourceKey {
	out := make([]types.ResourceKey, len(ids))
	for i, id := range ids {
		out[i] = remKey(id)
	}
	return out
}

// remExceptionKeys are S3 buckets' RemediationExceptionResourceKeys.
func remExceptionKeys(ids ...string) []types.RemediationExceptionResourceKey {
	out := make([]types.RemediationExceptionResourceKey, len(ids))
	for i, id := range ids {
		out[i] = remExceptionKey(id)
	}
	return out
}
