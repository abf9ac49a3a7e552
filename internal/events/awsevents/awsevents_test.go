package awsevents_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
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

func TestComplianceChangeEvent(t *testing.T) {
	t.Parallel()
	e := awsevents.ComplianceChangeEvent(awsevents.ComplianceChange{Scope: scope,
		RuleName: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", RuleARN: "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123",
		ResourceType: "AWS::S3::Bucket", ResourceID: "my-bucket",
		New: awsevents.EvaluationResult{ComplianceType: "NON_COMPLIANT", OrderingTimestamp: at("2026-11-01T12:00:00.100Z"),
			ResultRecordedTime: at("2026-11-01T12:00:01.200Z"), ConfigRuleInvokedTime: at("2026-11-01T12:00:00.900Z"),
			Annotation: "The bucket has no default encryption."},
		Old: &awsevents.EvaluationResult{ComplianceType: "COMPLIANT", OrderingTimestamp: at("2026-10-01T00:00:00Z"),
			ResultRecordedTime: at("2026-10-01T00:00:01Z"), ConfigRuleInvokedTime: at("2026-10-01T00:00:00.500Z")},
		At: at("2026-11-01T12:00:02.345Z")})
	require.Equal(t, "aws.config", e.Source)
	require.Equal(t, "Config Rules Compliance Change", e.DetailType)
	require.Equal(t, []string{}, e.Resources)
	require.JSONEq(t, `{
	  "resourceId": "my-bucket", "awsRegion": "us-east-1", "awsAccountId": "123456789012",
	  "configRuleName": "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "recordVersion": "1.0",
	  "configRuleARN": "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-abc123",
	  "messageType": "ComplianceChangeNotification",
	  "newEvaluationResult": {
	    "evaluationResultIdentifier": {"evaluationResultQualifier": {"configRuleName": "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
	      "resourceType": "AWS::S3::Bucket", "resourceId": "my-bucket"}, "orderingTimestamp": "2026-11-01T12:00:00.100Z"},
	    "complianceType": "NON_COMPLIANT", "resultRecordedTime": "2026-11-01T12:00:01.200Z",
	    "configRuleInvokedTime": "2026-11-01T12:00:00.900Z", "annotation": "The bucket has no default encryption."},
	  "oldEvaluationResult": {
	    "evaluationResultIdentifier": {"evaluationResultQualifier": {"configRuleName": "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
	      "resourceType": "AWS::S3::Bucket", "resourceId": "my-bucket"}, "orderingTimestamp": "2026-10-01T00:00:00.000Z"},
	    "complianceType": "COMPLIANT", "resultRecordedTime": "2026-10-01T00:00:01.000Z",
	    "configRuleInvokedTime": "2026-10-01T00:00:00.500Z"},
	  "notificationCreationTime": "2026-11-01T12:00:02.345Z", "resourceType": "AWS::S3::Bucket"}`, detailJSON(t, e))

	// The product's §5.3 pattern matches it, on the envelope Salve builds.
	p, err := pattern.Compile(`{"source":["aws.config"],"detail-type":["Config Rules Compliance Change"],` +
		`"detail":{"configRuleName":["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}`)
	require.NoError(t, err)
	var detail map[string]any
	require.NoError(t, json.Unmarshal([]byte(detailJSON(t, e)), &detail))
	require.True(t, p.MatchValue(map[string]any{"source": e.Source, "detail-type": e.DetailType, "detail": detail}))
}

func TestComplianceChangeEvent_FirstEvaluationHasNoOldResult(t *testing.T) {
	t.Parallel()
	e := awsevents.ComplianceChangeEvent(awsevents.ComplianceChange{Scope: scope, RuleName: "r", ResourceType: "AWS::S3::Bucket",
		ResourceID: "b", New: awsevents.EvaluationResult{ComplianceType: "COMPLIANT"}, At: at("2026-11-01T12:00:00Z")})
	require.NotContains(t, detailJSON(t, e), "oldEvaluationResult")
}

func sg(perms ...any) map[string]any {
	return map[string]any{"groupId": "sg-1", "ipPermissions": append([]any{}, perms...),
		"state": map[string]any{"name": "available"}}
}

func TestItemChangeEvent(t *testing.T) {
	t.Parallel()
	created := configitem.Item{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: "sg-1", ResourceName: "web",
		ARN: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1", AvailabilityZone: "Regional",
		Status: configitem.StatusResourceDiscovered, CaptureTime: at("2026-11-01T12:00:00.250Z"),
		Configuration: sg(), Tags: map[string]string{"team": "web"},
		Relationships: []configitem.Relationship{{ResourceType: "AWS::EC2::VPC", ResourceID: "vpc-1", Name: "Is contained in Vpc"}}}
	e := awsevents.ItemChangeEvent(awsevents.ItemChange{Scope: scope, New: created, At: at("2026-11-01T12:00:01Z")})
	require.Equal(t, "Config Configuration Item Change", e.DetailType)
	require.Equal(t, []string{created.ARN}, e.Resources)
	require.JSONEq(t, `{
	  "recordVersion": "1.3", "messageType": "ConfigurationItemChangeNotification",
	  "configurationItemDiff": {"changedProperties": {}, "changeType": "CREATE"},
	  "notificationCreationTime": "2026-11-01T12:00:01.000Z",
	  "configurationItem": {
	    "relatedEvents": [], "relationships": [{"resourceId": "vpc-1", "resourceName": null, "resourceType": "AWS::EC2::VPC", "name": "Is contained in Vpc"}],
	    "configuration": {"groupId": "sg-1", "ipPermissions": [], "state": {"name": "available"}},
	    "supplementaryConfiguration": {}, "tags": {"team": "web"},
	    "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-11-01T12:00:00.250Z",
	    "configurationStateId": 1793534400250, "awsAccountId": "123456789012", "configurationItemStatus": "ResourceDiscovered",
	    "resourceType": "AWS::EC2::SecurityGroup", "resourceId": "sg-1", "resourceName": "web",
	    "ARN": "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1", "awsRegion": "us-east-1",
	    "availabilityZone": "Regional", "configurationStateMd5Hash": "", "resourceCreationTime": null}}`, detailJSON(t, e))

	updated := created
	updated.Status = configitem.StatusOK
	perm := map[string]any{"ipProtocol": "tcp", "fromPort": 22.0, "toPort": 22.0}
	updated.Configuration = sg(perm)
	updated.Configuration["state"] = map[string]any{"name": "deleting"}
	updated.SupplementaryConfiguration = map[string]any{"Extra": map[string]any{"on": true}}
	updated.Tags = map[string]string{"team": "sec", "env": "dev"}
	e = awsevents.ItemChangeEvent(awsevents.ItemChange{Scope: scope, Old: &created, New: updated, At: at("2026-11-01T12:00:01Z")})
	var detail struct{ ConfigurationItemDiff map[string]any }
	require.NoError(t, json.Unmarshal([]byte(detailJSON(t, e)), &detail))
	require.Equal(t, map[string]any{"changeType": "UPDATE", "changedProperties": map[string]any{
		"Configuration.IpPermissions.0": map[string]any{"previousValue": nil, "updatedValue": perm, "changeType": "CREATE"},
		"Configuration.State.Name":      map[string]any{"previousValue": "available", "updatedValue": "deleting", "changeType": "UPDATE"},
		"SupplementaryConfiguration.Extra": map[string]any{"previousValue": nil, "updatedValue": map[string]any{"on": true},
			"changeType": "CREATE"},
		"Tags.team": map[string]any{"previousValue": "web", "updatedValue": "sec", "changeType": "UPDATE"},
		"Tags.env":  map[string]any{"previousValue": nil, "updatedValue": "dev", "changeType": "CREATE"},
	}}, detail.ConfigurationItemDiff)

	deleted := configitem.Item{ResourceType: created.ResourceType, ResourceID: "sg-1", ARN: created.ARN,
		Status: configitem.StatusResourceDeleted, CaptureTime: at("2026-11-01T13:00:00Z")}
	e = awsevents.ItemChangeEvent(awsevents.ItemChange{Scope: scope, Old: &updated, New: deleted, At: at("2026-11-01T13:00:00Z")})
	require.NoError(t, json.Unmarshal([]byte(detailJSON(t, e)), &detail))
	require.Equal(t, "DELETE", detail.ConfigurationItemDiff["changeType"])
	changed := detail.ConfigurationItemDiff["changedProperties"].(map[string]any)
	require.Equal(t, map[string]any{"previousValue": perm, "changeType": "DELETE"}, changed["Configuration.IpPermissions.0"])
	require.Equal(t, map[string]any{"previousValue": map[string]any{"resourceId": "vpc-1", "resourceName": nil,
		"resourceType": "AWS::EC2::VPC", "name": "Is contained in Vpc"}, "changeType": "DELETE"}, changed["Relationships.0"])
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
