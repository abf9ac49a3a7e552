package awsevents_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/events/awsevents"
	"github.com/salvehq/salve/internal/events/pattern"
	"github.com/salvehq/salve/internal/tenant"
)

var scope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// detailJSON renders an event's detail as JSON text.
func detailJSON(t *testing.T, e events.Event) string {
	t.Helper()
	b, err := json.Marshal(e.Detail)
	require.NoError(t, err)
	return string(b)
}

// TestComplianceChangeEvent: the detail is Config's
// ComplianceChangeNotification (its shape is pinned in
// internal/configitem/notification), the time c.At.
func TestComplianceChangeEvent(t *testing.T) {
	t.Parallel()
	c := awsevents.ComplianceChange{Scope: scope, RuleName: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
		RuleARN: "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123", ResourceType: "AWS::S3::Bucket",
		ResourceID: "my-bucket", New: awsevents.EvaluationResult{ComplianceType: "NON_COMPLIANT"},
		Old: &awsevents.EvaluationResult{ComplianceType: "COMPLIANT"}, At: at("2026-11-01T12:00:02.345Z")}
	e := awsevents.ComplianceChangeEvent(c)
	require.Equal(t, "aws.config", e.Source)
	require.Equal(t, "Config Rules Compliance Change", e.DetailType)
	require.Equal(t, []string{}, e.Resources)
	require.Equal(t, c.At, e.Time)
	want, err := json.Marshal(notification.NewCompliance(&c))
	require.NoError(t, err)
	require.JSONEq(t, string(want), detailJSON(t, e))

	// The product's §5.3 pattern matches it, on the envelope Salve builds.
	p, err := pattern.Compile(`{"source":["aws.config"],"detail-type":["Config Rules Compliance Change"],` +
		`"detail":{"configRuleName":["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}`)
	require.NoError(t, err)
	var detail map[string]any
	require.NoError(t, json.Unmarshal([]byte(detailJSON(t, e)), &detail))
	require.True(t, p.MatchValue(map[string]any{"source": e.Source, "detail-type": e.DetailType, "detail": detail}))
}

// TestComplianceChangeEvent_FirstEvaluation: as in the SNS message, a
// first evaluation's oldEvaluationResult is null.
func TestComplianceChangeEvent_FirstEvaluation(t *testing.T) {
	t.Parallel()
	e := awsevents.ComplianceChangeEvent(awsevents.ComplianceChange{Scope: scope, RuleName: "r", ResourceType: "AWS::S3::Bucket",
		ResourceID: "b", New: awsevents.EvaluationResult{ComplianceType: "COMPLIANT"}, At: at("2026-11-01T12:00:00Z")})
	require.Contains(t, detailJSON(t, e), `"oldEvaluationResult":null`)
	require.Equal(t, at("2026-11-01T12:00:00Z"), e.Time)
}

// TestItemChangeEvent: the event carries the recorder's notification as
// its detail, unchanged, at the notification's time.
func TestItemChangeEvent(t *testing.T) {
	t.Parallel()
	item := configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "logs", ARN: "arn:aws:s3:::logs",
		Status: configitem.StatusResourceDiscovered, CaptureTime: at("2026-11-01T12:00:00.250Z"),
		Configuration: map[string]any{"name": "logs"}}
	n := notification.NewItemChange(nil, &notification.Recorded{Item: item, AccountID: scope.AccountID,
		Region: scope.Region, StateID: 1, MD5: "abc"}, at("2026-11-01T12:00:01Z"))
	e := awsevents.ItemChangeEvent(n)
	require.Equal(t, "aws.config", e.Source)
	require.Equal(t, "Config Configuration Item Change", e.DetailType)
	require.Equal(t, []string{"arn:aws:s3:::logs"}, e.Resources)
	require.Equal(t, at("2026-11-01T12:00:01Z"), e.Time)
	want, err := json.Marshal(n)
	require.NoError(t, err)
	require.JSONEq(t, string(want), detailJSON(t, e))
	require.Contains(t, detailJSON(t, e), `"messageType":"ConfigurationItemChangeNotification"`)

	item.ARN = ""
	n = notification.NewItemChange(nil, &notification.Recorded{Item: item}, at("2026-11-01T12:00:01Z"))
	require.Empty(t, awsevents.ItemChangeEvent(n).Resources, "no ARN, no resources")
}

func TestAutomationEvents(t *testing.T) {
	t.Parallel()
	a := awsevents.AutomationExecution{Scope: scope, ExecutionID: "333ba70b-2333-48db-b17e-a5e69c6f4d1c",
		Definition: "AWS-EnableS3BucketEncryption", DefinitionVersion: "1", Status: "Success",
		StartTime: at("2026-11-29T19:43:20Z"), EndTime: at("2026-11-29T19:43:25.753Z"),
		ExecutedBy: "arn:aws:iam::123456789012:role/remediation", StepName: "PutBucketEncryption", Action: "aws:executeAwsApi"}
	e := awsevents.AutomationExecutionEvent(a)
	require.Equal(t, "aws.ssm", e.Source)
	require.Equal(t, "EC2 Automation Execution Status-change Notification", e.DetailType)
	require.Equal(t, []string{"arn:aws:ssm:us-east-1:123456789012:automation-execution/333ba70b-2333-48db-b17e-a5e69c6f4d1c",
		"arn:aws:ssm:us-east-1:123456789012:automation-definition/AWS-EnableS3BucketEncryption:1"}, e.Resources)
	require.Equal(t, a.EndTime, e.Time)
	require.JSONEq(t, `{"ExecutionId": "333ba70b-2333-48db-b17e-a5e69c6f4d1c", "Definition": "AWS-EnableS3BucketEncryption",
	  "DefinitionVersion": 1, "Status": "Success", "StartTime": "Nov 29, 2026 7:43:20 PM", "EndTime": "Nov 29, 2026 7:43:25 PM",
	  "Time": 5753, "ExecutedBy": "arn:aws:iam::123456789012:role/remediation"}`, detailJSON(t, e))

	step := awsevents.AutomationStepEvent(a)
	require.Equal(t, "EC2 Automation Step Status-change Notification", step.DetailType)
	require.JSONEq(t, `{"ExecutionId": "333ba70b-2333-48db-b17e-a5e69c6f4d1c", "Definition": "AWS-EnableS3BucketEncryption",
	  "DefinitionVersion": 1, "Status": "Success", "StartTime": "Nov 29, 2026 7:43:20 PM", "EndTime": "Nov 29, 2026 7:43:25 PM",
	  "Time": 5753, "StepName": "PutBucketEncryption", "Action": "aws:executeAwsApi"}`, detailJSON(t, step))

	running := a
	running.EndTime, running.Status = time.Time{}, "InProgress"
	e = awsevents.AutomationExecutionEvent(running)
	require.NotContains(t, detailJSON(t, e), "EndTime")
	require.Equal(t, a.StartTime, e.Time)
}

func TestRemediationEvent(t *testing.T) {
	t.Parallel()
	e := awsevents.RemediationEvent(awsevents.Remediation{Scope: scope, RuleName: "s3-encryption",
		RuleARN: "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123", ResourceType: "AWS::S3::Bucket",
		ResourceID: "my-bucket", State: awsevents.RemediationFailed, Automatic: true, TargetID: "AWS-EnableS3BucketEncryption",
		TargetVersion: "1", AutomationExecutionID: "exec-1", InvocationTime: at("2026-11-01T12:00:00Z"),
		LastUpdatedTime: at("2026-11-01T12:00:05Z"), ErrorMessage: "Step fails when it is Poll action status for completion."})
	require.Equal(t, "salve.remediation", e.Source)
	require.Equal(t, "Salve Remediation Execution Status Change", e.DetailType)
	require.Equal(t, []string{"arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123",
		"arn:aws:ssm:us-east-1:123456789012:automation-execution/exec-1"}, e.Resources)
	require.JSONEq(t, `{"resourceId": "my-bucket", "resourceType": "AWS::S3::Bucket", "awsRegion": "us-east-1",
	  "awsAccountId": "123456789012", "configRuleName": "s3-encryption",
	  "configRuleARN": "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123", "state": "FAILED",
	  "automatic": true, "targetId": "AWS-EnableS3BucketEncryption", "targetVersion": "1", "automationExecutionId": "exec-1",
	  "invocationTime": "2026-11-01T12:00:00.000Z", "lastUpdatedTime": "2026-11-01T12:00:05.000Z",
	  "errorMessage": "Step fails when it is Poll action status for completion."}`, detailJSON(t, e))
}
