package events_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/events/awsevents"
	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestProductPath_ComplianceChangeReachesTheLambda is the product's §5.3
// up to the Lambda: a rule made with the aws CLI and the product's pattern,
// the compliance change Salve emits for a NON_COMPLIANT bucket, and the
// event the function gets, where the sample handler finds the bucket.
func TestProductPath_ComplianceChangeReachesTheLambda(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.URL, awscli.Options{})
	cli.RunJSON(nil, "events", "put-rule", "--name", "s3-encryption", "--event-pattern", writeFile(t, "pattern.json", productPattern))
	cli.RunJSON(nil, "events", "put-targets", "--rule", "s3-encryption", "--targets", "Id=1,Arn="+lambdaARN)

	change := func(compliance string) awsevents.ComplianceChange {
		now := e.Clock.Now()
		return awsevents.ComplianceChange{Scope: home, RuleName: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
			RuleARN: "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123", ResourceType: "AWS::S3::Bucket",
			ResourceID: "unencrypted-bucket", At: now, New: awsevents.EvaluationResult{ComplianceType: compliance,
				OrderingTimestamp: now, ResultRecordedTime: now, ConfigRuleInvokedTime: now}}
	}
	ctx := context.Background()
	require.NoError(t, e.Domain.Emit(ctx, home, awsevents.ComplianceChangeEvent(change("NON_COMPLIANT"))))
	e.Clock.Advance(time.Minute)
	require.NoError(t, e.Domain.Emit(ctx, home, awsevents.ComplianceChangeEvent(change("COMPLIANT"))))
	require.Equal(t, 1, e.tick(t), "only the NON_COMPLIANT change matches")

	calls := e.Functions.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, "fix-bucket", calls[0].Name)
	var event struct {
		Source     string `json:"source"`
		DetailType string `json:"detail-type"`
		Time       string `json:"time"`
		Detail     struct {
			ResourceID          string `json:"resourceId"`
			NewEvaluationResult struct {
				EvaluationResultIdentifier struct {
					EvaluationResultQualifier struct {
						ResourceID string `json:"resourceId"`
					} `json:"evaluationResultQualifier"`
				} `json:"evaluationResultIdentifier"`
			} `json:"newEvaluationResult"`
		} `json:"detail"`
	}
	require.NoError(t, json.Unmarshal([]byte(calls[0].Payload), &event))
	require.Equal(t, "aws.config", event.Source)
	require.Equal(t, "Config Rules Compliance Change", event.DetailType)
	require.Equal(t, "2026-11-01T12:00:00Z", event.Time)
	require.Equal(t, "unencrypted-bucket", event.Detail.ResourceID)
	require.Equal(t, "unencrypted-bucket", event.Detail.NewEvaluationResult.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceID)
}
