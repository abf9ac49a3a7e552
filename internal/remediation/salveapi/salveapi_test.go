package salveapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/salvetest"
)

const doc = `{"schemaVersion": "0.3", "parameters": {"BucketName": {"type": "String"}},
  "mainSteps": [{"name": "whoami", "action": "aws:executeAwsApi", "inputs": {"Service": "sts", "Api": "GetCallerIdentity"}}]}`

// seed stores rule r with a manual configuration needing approval and
// NON_COMPLIANT buckets ids.
func seed(t *testing.T, env *salvetest.Env, ids ...string) {
	t.Helper()
	ctx := context.Background()
	_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
		ConfigRuleName: aws.String("r"),
		Source:         &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")}}})
	require.NoError(t, err)
	_, err = env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("Fix"), Content: aws.String(doc),
		DocumentType: ssmtypes.DocumentTypeAutomation, DocumentFormat: ssmtypes.DocumentFormatJson})
	require.NoError(t, err)
	out, err := env.Config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []types.RemediationConfiguration{{ConfigRuleName: aws.String("r"),
			TargetType: types.RemediationTargetTypeSsmDocument, TargetId: aws.String("Fix"),
			Parameters: map[string]types.RemediationParameterValue{
				"BucketName":                  {ResourceValue: &types.ResourceValue{Value: types.ResourceValueTypeResourceId}},
				remediation.ApprovalParameter: {StaticValue: &types.StaticValue{Values: []string{"true"}}}}}}})
	require.NoError(t, err)
	require.Empty(t, out.FailedBatches)
	var evals []types.Evaluation
	for _, id := range ids {
		evals = append(evals, types.Evaluation{ComplianceResourceType: aws.String("AWS::S3::Bucket"), ComplianceResourceId: aws.String(id),
			ComplianceType: types.ComplianceTypeNonCompliant, OrderingTimestamp: aws.Time(env.Clock.Now())})
	}
	_, err = env.Config.PutEvaluations(ctx, &configservice.PutEvaluationsInput{ResultToken: aws.String("r"), Evaluations: evals})
	require.NoError(t, err)
}

// post sends body to /_salve/<path> and decodes the JSON answer.
func post(t *testing.T, env *salvetest.Env, path, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(env.URL+"/_salve/"+path, "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return resp.StatusCode, out
}

func TestHandlers_ApproveReject(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	seed(t, env, "a", "b")
	_, err := env.Config.StartRemediationExecution(context.Background(), &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String("r"), ResourceKeys: []types.ResourceKey{
			{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("a")},
			{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("b")}}})
	require.NoError(t, err)
	key := func(id string) string {
		return `{"region":"us-east-1","rule":"r","resourceType":"AWS::S3::Bucket","resourceId":"` + id + `"}`
	}

	code, out := post(t, env, "remediation/approve", key("a"))
	require.Equal(t, http.StatusOK, code, "%v", out)
	require.Equal(t, "QUEUED", out["state"])
	code, out = post(t, env, "remediation/reject", key("b"))
	require.Equal(t, http.StatusOK, code, "%v", out)
	require.Equal(t, "FAILED", out["state"])

	code, out = post(t, env, "remediation/approve", key("b"))
	require.Equal(t, http.StatusConflict, code)
	require.Contains(t, out["message"], "awaiting approval")
	code, out = post(t, env, "remediation/approve", `{"region":"us-east-1","rule":"nope","resourceType":"AWS::S3::Bucket","resourceId":"a"}`)
	require.Equal(t, http.StatusNotFound, code)
	require.Contains(t, out["message"], "No remediation configuration")
	code, out = post(t, env, "remediation/approve", `{"rule":"r"}`)
	require.Equal(t, http.StatusBadRequest, code)
	require.Contains(t, out["message"], "region is required")
	code, out = post(t, env, "remediation/reject", `{not json`)
	require.Equal(t, http.StatusBadRequest, code)
	require.Contains(t, out["message"], "JSON object")
	code, out = post(t, env, "remediation/approve", `{"region":"eu-west-1","rule":"r","resourceType":"AWS::S3::Bucket","resourceId":"a"}`)
	require.Equal(t, http.StatusNotFound, code, "another region is another tenant")
}

func TestHandlers_Plan(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	seed(t, env, "a")
	resp, err := http.Get(env.URL + "/_salve/remediation/plan?region=us-east-1&rule=r")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var out struct {
		Rules []struct {
			Rule      string
			Resources []struct{ ResourceID, Decision string }
		}
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	require.Len(t, out.Rules, 1)
	require.Equal(t, "a", out.Rules[0].Resources[0].ResourceID)
	require.Equal(t, "MANUAL", out.Rules[0].Resources[0].Decision)

	resp2, err := http.Get(env.URL + "/_salve/remediation/plan")
	require.NoError(t, err)
	resp2.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp2.StatusCode)
}
