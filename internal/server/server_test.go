package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	etypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// TestServer_ComplianceChangeReachesAWebhook composes the whole server: a
// compliance change emits aws.config "Config Rules Compliance Change",
// an EventBridge rule matches it, and its http target (no RetryPolicy:
// EventBridge's default 185 retries) gets the event through the durable
// delivery worker.
func TestServer_ComplianceChangeReachesAWebhook(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var got []map[string]any
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var ev map[string]any
		_ = json.Unmarshal(body, &ev)
		mu.Lock()
		got = append(got, ev)
		mu.Unlock()
	}))
	t.Cleanup(hook.Close)

	env := salvetest.Setup(t)
	ctx := context.Background()
	eb := eventbridge.NewFromConfig(env.AWSConfig("123456789012", "secret", "us-east-1"))
	_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String("custom"),
		Source: &ctypes.Source{Owner: ctypes.OwnerCustomLambda,
			SourceIdentifier: aws.String("arn:aws:lambda:us-east-1:123456789012:function:outside"),
			SourceDetails: []ctypes.SourceDetail{{EventSource: ctypes.EventSourceAwsConfig,
				MessageType: ctypes.MessageTypeConfigurationItemChangeNotification}}},
	}})
	require.NoError(t, err)
	_, err = eb.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("noncompliant"),
		EventPattern: aws.String(`{"source":["aws.config"],"detail-type":["Config Rules Compliance Change"],
			"detail":{"configRuleName":["custom"],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}`)})
	require.NoError(t, err)
	out, err := eb.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("noncompliant"),
		Targets: []etypes.Target{{Id: aws.String("hook"), Arn: aws.String(hook.URL + "/hook")}}})
	require.NoError(t, err)
	require.Zero(t, out.FailedEntryCount)

	_, err = env.Config.PutEvaluations(ctx, &configservice.PutEvaluationsInput{ResultToken: aws.String("custom"),
		Evaluations: []ctypes.Evaluation{{ComplianceResourceType: aws.String("AWS::S3::Bucket"),
			ComplianceResourceId: aws.String("b1"), ComplianceType: ctypes.ComplianceTypeNonCompliant,
			OrderingTimestamp: aws.Time(time.Now())}}})
	require.NoError(t, err)
	env.Settle(t)

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, got, 1)
	require.Equal(t, "Config Rules Compliance Change", got[0]["detail-type"])
	detail := got[0]["detail"].(map[string]any)
	require.Equal(t, "b1", detail["resourceId"])
	require.Equal(t, "NON_COMPLIANT", detail["newEvaluationResult"].(map[string]any)["complianceType"])
}
