package configservice_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// putTestRule creates a managed rule named name.
func putTestRule(t *testing.T, c *configservice.Client, name string) {
	t.Helper()
	_, err := c.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{ConfigRule: managedTestRule(name)})
	require.NoError(t, err)
}

func managedTestRule(name string) *types.ConfigRule {
	return &types.ConfigRule{
		ConfigRuleName: aws.String(name),
		Source:         &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_VERSIONING_ENABLED")},
	}
}

// testEval is an evaluation of an S3 bucket.
func testEval(id string, c types.ComplianceType, at time.Time) types.Evaluation {
	return types.Evaluation{
		ComplianceResourceType: aws.String("AWS::S3::Bucket"), ComplianceResourceId: aws.String(id),
		ComplianceType: c, OrderingTimestamp: aws.Time(at),
	}
}

// putTestEvaluations reports evals for the rule named token.
func putTestEvaluations(t *testing.T, c *configservice.Client, token string, evals ...types.Evaluation) {
	t.Helper()
	out, err := c.PutEvaluations(context.Background(), &configservice.PutEvaluationsInput{ResultToken: aws.String(token), Evaluations: evals})
	require.NoError(t, err)
	require.Empty(t, out.FailedEvaluations)
}

// requireRulesError asserts err is the AWS error code and its message
// contains every fragment.
func requireRulesError(t *testing.T, err error, code string, fragments ...string) {
	t.Helper()
	salvetest.RequireAPIError(t, err, code, fragments...)
}

// rawRulesCall posts body to a Config operation without the SDK (which
// refuses to send some invalid requests) and returns the error code and
// message, or "" and the body for success.
func rawRulesCall(t *testing.T, env *salvetest.Env, op, body string) (code, message string) {
	t.Helper()
	res := env.Raw(t, "StarlingDoveService."+op, body)
	if res.Status == http.StatusOK {
		return "", res.Text
	}
	require.Equal(t, http.StatusBadRequest, res.Status, "body: %s", res.Text)
	return res.Code, res.Message
}
