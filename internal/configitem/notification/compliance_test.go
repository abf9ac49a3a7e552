package notification_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/tenant"
)

var scope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

func TestNewCompliance(t *testing.T) {
	t.Parallel()
	n := notification.NewCompliance(&notification.ComplianceChange{Scope: scope,
		RuleName: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", RuleARN: "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123",
		ResourceType: "AWS::S3::Bucket", ResourceID: "my-bucket",
		New: notification.Evaluation{ComplianceType: "NON_COMPLIANT", OrderingTimestamp: at("2026-11-01T12:00:00.100Z"),
			ResultRecordedTime: at("2026-11-01T12:00:01.200Z"), ConfigRuleInvokedTime: at("2026-11-01T12:00:00.900Z"),
			Annotation: "The bucket has no default encryption."},
		Old: &notification.Evaluation{ComplianceType: "COMPLIANT", OrderingTimestamp: at("2026-10-01T00:00:00Z"),
			ResultRecordedTime: at("2026-10-01T00:00:01Z"), ConfigRuleInvokedTime: at("2026-10-01T00:00:00.500Z")},
		At: at("2026-11-01T12:00:02.345Z")})
	require.JSONEq(t, `{
	  "awsAccountId": "123456789012", "configRuleName": "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
	  "configRuleARN": "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123",
	  "resourceType": "AWS::S3::Bucket", "resourceId": "my-bucket", "awsRegion": "us-east-1",
	  "newEvaluationResult": {
	    "evaluationResultIdentifier": {"evaluationResultQualifier": {"configRuleName": "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
	      "resourceType": "AWS::S3::Bucket", "resourceId": "my-bucket", "evaluationMode": "DETECTIVE"},
	      "orderingTimestamp": "2026-11-01T12:00:00.100Z"},
	    "complianceType": "NON_COMPLIANT", "resultRecordedTime": "2026-11-01T12:00:01.200Z",
	    "configRuleInvokedTime": "2026-11-01T12:00:00.900Z", "annotation": "The bucket has no default encryption.",
	    "resultToken": null},
	  "oldEvaluationResult": {
	    "evaluationResultIdentifier": {"evaluationResultQualifier": {"configRuleName": "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
	      "resourceType": "AWS::S3::Bucket", "resourceId": "my-bucket", "evaluationMode": "DETECTIVE"},
	      "orderingTimestamp": "2026-10-01T00:00:00.000Z"},
	    "complianceType": "COMPLIANT", "resultRecordedTime": "2026-10-01T00:00:01.000Z",
	    "configRuleInvokedTime": "2026-10-01T00:00:00.500Z", "annotation": null, "resultToken": null},
	  "notificationCreationTime": "2026-11-01T12:00:02.345Z",
	  "messageType": "ComplianceChangeNotification", "recordVersion": "1.0"}`, encode(t, n))
}

// TestNewCompliance_FirstEvaluation: no old result is null, and a result
// time that is not known is the notification's.
func TestNewCompliance_FirstEvaluation(t *testing.T) {
	t.Parallel()
	n := notification.NewCompliance(&notification.ComplianceChange{Scope: scope, RuleName: "r",
		ResourceType: "AWS::S3::Bucket", ResourceID: "b", New: notification.Evaluation{ComplianceType: "COMPLIANT"},
		At: at("2026-11-01T12:00:00Z")})
	require.Contains(t, encode(t, n), `"oldEvaluationResult":null`)
	r := n.NewEvaluationResult
	require.Equal(t, "2026-11-01T12:00:00.000Z", r.EvaluationResultIdentifier.OrderingTimestamp)
	require.Equal(t, "2026-11-01T12:00:00.000Z", r.ResultRecordedTime)
	require.Equal(t, "2026-11-01T12:00:00.000Z", r.ConfigRuleInvokedTime)
	require.Nil(t, r.Annotation)
}
