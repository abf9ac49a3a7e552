package cloudtrail_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/tenant"
)

// auditEnv is a whole Salve server and the clients of one account.
type auditEnv struct {
	env   *salvetest.Env
	s3    *s3.Client
	ec2   *ec2.Client
	iam   *iam.Client
	trail *sdk.Client
}

// auditSetup starts Salve; the clients sign with the account's id as
// their access key (Salve takes a 12-digit key as the account).
func auditSetup(t *testing.T) *auditEnv {
	t.Helper()
	e := salvetest.Setup(t)
	cfg := e.AWSConfig(account, "secret", "us-east-1")
	return &auditEnv{env: e, s3: s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }),
		ec2: ec2.NewFromConfig(cfg), iam: iam.NewFromConfig(cfg), trail: sdk.NewFromConfig(cfg)}
}

// lookup returns every event matching one attribute (none: every event),
// newest first, following NextToken.
func (a *auditEnv) lookup(t *testing.T, c *sdk.Client, key cttypes.LookupAttributeKey, value string) []cttypes.Event {
	t.Helper()
	in := &sdk.LookupEventsInput{}
	if key != "" {
		in.LookupAttributes = []cttypes.LookupAttribute{{AttributeKey: key, AttributeValue: aws.String(value)}}
	}
	var out []cttypes.Event
	p := sdk.NewLookupEventsPaginator(c, in)
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		out = append(out, page.Events...)
	}
	return out
}

// record decodes an event's CloudTrailEvent.
func record(t *testing.T, ev cttypes.Event) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(aws.ToString(ev.CloudTrailEvent)), &m))
	return m
}

// dig follows a path of object members.
func dig(t *testing.T, v any, path ...string) any {
	t.Helper()
	for _, p := range path {
		m, ok := v.(map[string]any)
		require.True(t, ok, "%s: %v is not an object", p, v)
		v = m[p]
	}
	return v
}

func names(events []cttypes.Event) []string {
	out := make([]string, len(events))
	for i, ev := range events {
		out[i] = aws.ToString(ev.EventName)
	}
	return out
}

func putAES256(t *testing.T, c *s3.Client, bucket string) {
	t.Helper()
	_, err := c.PutBucketEncryption(context.Background(), &s3.PutBucketEncryptionInput{Bucket: aws.String(bucket),
		ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
			ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}})
	require.NoError(t, err)
}

func TestLookupEvents_UserPutBucketEncryption(t *testing.T) {
	t.Parallel()
	a := auditSetup(t)
	ctx := context.Background()
	_, err := a.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("logs")})
	require.NoError(t, err)
	putAES256(t, a.s3, "logs")
	_, err = a.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("logs")})
	require.NoError(t, err)

	all := a.lookup(t, a.trail, "", "")
	require.Equal(t, []string{"PutBucketEncryption", "CreateBucket"}, names(all), "newest first; reads are not recorded")
	ev := all[0]
	require.Equal(t, "s3.amazonaws.com", aws.ToString(ev.EventSource))
	require.Equal(t, "root", aws.ToString(ev.Username))
	require.Equal(t, account, aws.ToString(ev.AccessKeyId))
	require.Equal(t, "false", aws.ToString(ev.ReadOnly))
	require.Equal(t, salvetest.Start, aws.ToTime(ev.EventTime).UTC())
	require.Equal(t, []cttypes.Resource{{ResourceType: aws.String("AWS::S3::Bucket"), ResourceName: aws.String("logs")}}, ev.Resources)

	rec := record(t, ev)
	require.Equal(t, "1.08", rec["eventVersion"])
	require.Equal(t, "2026-11-01T12:00:00Z", rec["eventTime"])
	require.Equal(t, aws.ToString(ev.EventId), rec["eventID"])
	require.Equal(t, "AwsApiCall", rec["eventType"])
	require.Equal(t, false, rec["readOnly"])
	require.Equal(t, true, rec["managementEvent"])
	require.Equal(t, account, rec["recipientAccountId"])
	require.Equal(t, "us-east-1", rec["awsRegion"])
	require.Equal(t, "127.0.0.1", rec["sourceIPAddress"])
	require.Contains(t, rec["userAgent"], "aws-sdk-go-v2")
	require.NotEmpty(t, rec["requestID"])
	require.Equal(t, map[string]any{"type": "Root", "principalId": account, "arn": "arn:aws:iam::" + account + ":root",
		"accountId": account, "accessKeyId": account}, rec["userIdentity"])
	require.Equal(t, "logs", dig(t, rec, "requestParameters", "bucketName"))
	require.Equal(t, "", dig(t, rec, "requestParameters", "encryption"))
	require.Equal(t, "AES256", dig(t, rec, "requestParameters", "ServerSideEncryptionConfiguration", "Rule",
		"ApplyServerSideEncryptionByDefault", "SSEAlgorithm"))

	before := dig(t, rec, "additionalEventData", "configurationBefore").(map[string]any)
	after := dig(t, rec, "additionalEventData", "configurationAfter").(map[string]any)
	require.Equal(t, "ResourceDiscovered", before["configurationItemStatus"])
	require.Nil(t, dig(t, before, "supplementaryConfiguration", "ServerSideEncryptionConfiguration"))
	require.Equal(t, "OK", after["configurationItemStatus"])
	require.Contains(t, dig(t, after, "supplementaryConfiguration", "ServerSideEncryptionConfiguration"), "rules")

	created := record(t, all[1])
	require.Nil(t, dig(t, created, "additionalEventData", "configurationBefore"), "the call created it")
	require.Equal(t, "ResourceDiscovered", dig(t, created, "additionalEventData", "configurationAfter", "configurationItemStatus"))
}

func TestLookupEvents_UnchangedAndFailedCallsCarryNoConfiguration(t *testing.T) {
	t.Parallel()
	a := auditSetup(t)
	ctx := context.Background()
	_, err := a.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("same")})
	require.NoError(t, err)
	putAES256(t, a.s3, "same")
	putAES256(t, a.s3, "same")
	_, err = a.s3.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("missing"),
		ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
			ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}})
	require.Error(t, err)

	events := a.lookup(t, a.trail, cttypes.LookupAttributeKeyEventName, "PutBucketEncryption")
	require.Len(t, events, 3)
	failed := record(t, events[0])
	require.Equal(t, "NoSuchBucket", failed["errorCode"])
	require.NotEmpty(t, failed["errorMessage"])
	require.Nil(t, failed["additionalEventData"])
	require.Nil(t, record(t, events[1])["additionalEventData"], "the second put changed nothing")
	require.NotNil(t, dig(t, record(t, events[2]), "additionalEventData", "configurationAfter"))

	_, err = a.s3.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("same")})
	require.NoError(t, err)
	deleted := record(t, a.lookup(t, a.trail, cttypes.LookupAttributeKeyEventName, "DeleteBucket")[0])
	require.Equal(t, "ResourceDeleted", dig(t, deleted, "additionalEventData", "configurationAfter", "configurationItemStatus"))
	require.Equal(t, "OK", dig(t, deleted, "additionalEventData", "configurationBefore", "configurationItemStatus"))
}

func TestLookupEvents_RemediationRunbookCall(t *testing.T) {
	t.Parallel()
	a := auditSetup(t)
	ctx := context.Background()
	const rule = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"
	config := a.env.Config
	_, err := config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(rule), Source: &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String(rule)}}})
	require.NoError(t, err)
	_, err = config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []ctypes.RemediationConfiguration{{
			ConfigRuleName: aws.String(rule), TargetType: ctypes.RemediationTargetTypeSsmDocument,
			TargetId: aws.String("AWS-ConfigureS3BucketEncryption"), Automatic: true,
			Parameters: map[string]ctypes.RemediationParameterValue{
				"AutomationAssumeRole": {StaticValue: &ctypes.StaticValue{Values: []string{"arn:aws:iam::" + account + ":role/Fix"}}},
				"BucketName":           {ResourceValue: &ctypes.ResourceValue{Value: ctypes.ResourceValueTypeResourceId}},
				"SSEAlgorithm":         {StaticValue: &ctypes.StaticValue{Values: []string{"AES256"}}},
			}}}})
	require.NoError(t, err)
	_, err = a.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("plain-bucket")})
	require.NoError(t, err)
	a.env.Settle(t)

	events := a.lookup(t, a.trail, cttypes.LookupAttributeKeyEventName, "PutBucketEncryption")
	require.Len(t, events, 1)
	require.Equal(t, "Automation", aws.ToString(events[0].Username), "the role session's name")
	rec := record(t, events[0])
	require.Equal(t, "AssumedRole", dig(t, rec, "userIdentity", "type"))
	require.Equal(t, "arn:aws:sts::"+account+":assumed-role/Fix/Automation", dig(t, rec, "userIdentity", "arn"))
	require.Equal(t, "arn:aws:iam::"+account+":role/Fix", dig(t, rec, "userIdentity", "sessionContext", "sessionIssuer", "arn"))
	require.Equal(t, "ssm.amazonaws.com", rec["sourceIPAddress"])
	require.Equal(t, "AES256", dig(t, rec, "requestParameters", "ServerSideEncryptionConfiguration", "Rule",
		"ApplyServerSideEncryptionByDefault", "SSEAlgorithm"))
	require.NotNil(t, dig(t, rec, "additionalEventData", "configurationBefore"))

	scope := tenant.Scope{AccountID: account, Region: "us-east-1"}
	execs, _, err := a.env.Salve.Remediation.DescribeExecutionStatus(ctx, scope, remediation.DescribeExecutionStatusParams{ConfigRuleName: rule})
	require.NoError(t, err)
	require.Len(t, execs, 1)
	autoID := execs[0].AutomationExecutionID
	require.NotEmpty(t, autoID)
	require.Equal(t, autoID, dig(t, rec, "additionalEventData", "automationExecutionId"))

	calls, err := a.env.Salve.Audit.ByAutomationExecution(ctx, scope, autoID)
	require.NoError(t, err)
	require.Len(t, calls, 1, "the runbook's reads are not recorded")
	require.Equal(t, "PutBucketEncryption", calls[0].Event.EventName)
}
