package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/tenant"
)

const auditAccount = "123456789012"

// seedAudit creates bucket "logs", encrypts it, and fails to encrypt a
// missing one.
func seedAudit(t *testing.T, env *salvetest.Env) {
	t.Helper()
	ctx := context.Background()
	c := s3.NewFromConfig(env.AWSConfig(auditAccount, "secret", "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true })
	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("logs")})
	require.NoError(t, err)
	enc := &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
		ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}
	_, err = c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("logs"), ServerSideEncryptionConfiguration: enc})
	require.NoError(t, err)
	_, err = c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("missing"), ServerSideEncryptionConfiguration: enc})
	require.Error(t, err)
}

// lines returns the table's lines after its header.
func lines(t *testing.T, out string) []string {
	t.Helper()
	all := strings.Split(strings.TrimSpace(out), "\n")
	require.Contains(t, all[0], "TIME")
	return all[1:]
}

func TestAudit(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	seedAudit(t, env)
	ep := "--endpoint=" + env.URL

	code, out, errOut := runCLI("audit", ep, "--account", auditAccount)
	require.Equal(t, 0, code, errOut)
	rows := lines(t, out)
	require.Len(t, rows, 3)
	require.Regexp(t, `^2026-11-01T12:00:00Z\s+root\s+PutBucketEncryption\s+missing\s+NoSuchBucket$`, rows[0])
	require.Regexp(t, `PutBucketEncryption\s+logs\s+OK$`, rows[1])
	require.Regexp(t, `CreateBucket\s+logs\s+OK$`, rows[2])

	for name, tc := range map[string]struct {
		args []string
		want int
	}{
		"EventName":    {[]string{"--event-name", "CreateBucket"}, 1},
		"ResourceName": {[]string{"--resource-name", "logs"}, 2},
		"Both":         {[]string{"--resource-name", "logs", "--event-name", "PutBucketEncryption"}, 1},
		"Limit":        {[]string{"--limit", "2"}, 2},
		"Since":        {[]string{"--since", "87600h"}, 3},
	} {
		code, out, errOut := runCLI(append([]string{"audit", ep}, tc.args...)...)
		require.Equal(t, 0, code, errOut)
		require.Len(t, lines(t, out), tc.want, name)
	}

	// The server's clock is weeks behind the wall clock.
	code, out, _ = runCLI("audit", ep, "--since", "1h")
	require.Equal(t, 0, code)
	require.Equal(t, "no matching calls recorded\n", out)

	code, out, errOut = runCLI("audit", ep, "--json", "--event-name", "PutBucketEncryption")
	require.Equal(t, 0, code, errOut)
	var records []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &records))
	require.Len(t, records, 2)
	require.Equal(t, "NoSuchBucket", records[0]["errorCode"])
	require.Equal(t, "s3.amazonaws.com", records[1]["eventSource"])
}

func TestAudit_RemediationCalls(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	const rule = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"
	_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
		ConfigRuleName: aws.String(rule), Source: &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String(rule)}}})
	require.NoError(t, err)
	_, err = env.Config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []types.RemediationConfiguration{{ConfigRuleName: aws.String(rule),
			TargetType: types.RemediationTargetTypeSsmDocument, TargetId: aws.String("AWS-EnableS3BucketEncryption"), Automatic: true,
			Parameters: map[string]types.RemediationParameterValue{
				"AutomationAssumeRole": {StaticValue: &types.StaticValue{Values: []string{"arn:aws:iam::" + auditAccount + ":role/Remediator"}}},
				"BucketName":           {ResourceValue: &types.ResourceValue{Value: types.ResourceValueTypeResourceId}}}}}})
	require.NoError(t, err)
	c := s3.NewFromConfig(env.AWSConfig(auditAccount, "secret", "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true })
	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("plain")})
	require.NoError(t, err)
	env.Settle(t)
	execs, _, err := env.Salve.Remediation.DescribeExecutionStatus(ctx, tenant.Scope{AccountID: auditAccount, Region: "us-east-1"},
		remediation.DescribeExecutionStatusParams{ConfigRuleName: rule})
	require.NoError(t, err)
	require.Len(t, execs, 1)
	require.Equal(t, remediation.StateSucceeded, execs[0].State)

	code, out, errOut := runCLI("audit", "--endpoint="+env.URL, "--automation-execution", execs[0].AutomationExecutionID)
	require.Equal(t, 0, code, errOut)
	rows := lines(t, out)
	require.Len(t, rows, 1)
	require.Regexp(t, `Remediator/Automation\s+PutBucketEncryption\s+plain\s+OK \(automation `+execs[0].AutomationExecutionID+`\)$`, rows[0])
}

func TestAudit_Errors(t *testing.T) {
	t.Parallel()
	code, _, errOut := runCLI("audit", "--endpoint=http://127.0.0.1:1")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "reach Salve at http://127.0.0.1:1")

	code, _, errOut = runCLI("audit", "--limit", "0")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "--limit must be at least 1")

	code, _, errOut = runCLI("audit", "--since", "soon")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "invalid value")
}
