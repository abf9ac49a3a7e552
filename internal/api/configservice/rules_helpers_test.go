package configservice_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/smithy-go"
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
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "want %s, got %v", code, err)
	require.Equal(t, code, ae.ErrorCode(), "message: %s", ae.ErrorMessage())
	for _, f := range fragments {
		require.Contains(t, ae.ErrorMessage(), f)
	}
}

// rawRulesCall posts body to a Config operation without the SDK (which
// refuses to send some invalid requests) and returns the error code and
// message, or "" for success.
func rawRulesCall(t *testing.T, env *salvetest.Env, op, body string) (code, message string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, env.URL+"/", bytes.NewBufferString(body))
	require.NoError(t, err)
	req.Header.Set("X-Amz-Target", "StarlingDoveService."+op)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if resp.StatusCode == http.StatusOK {
		return "", string(b)
	}
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "body: %s", b)
	var e struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}
	require.NoError(t, json.Unmarshal(b, &e), "body: %s", b)
	return e.Type, e.Message
}
