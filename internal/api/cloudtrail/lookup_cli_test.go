package cloudtrail_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// awsCLI runs the aws CLI against the whole server as the account and
// returns its stdout; it fails the test when the CLI fails.
func (a *auditEnv) awsCLI(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("aws", append(args, "--endpoint-url", a.env.URL, "--region", "us-east-1", "--output", "json")...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID="+account, "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PAGER=", "AWS_MAX_ATTEMPTS=1")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "aws %v: %s", args, stderr.String())
	return stdout.String()
}

// TestLookupEvents_AWSCLI drives the audit trail with the aws CLI alone:
// botocore's S3 requests (path-style against an IP endpoint) are named and
// decoded, and lookup-events answers in the shapes botocore parses.
func TestLookupEvents_AWSCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the aws CLI")
	}
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("the aws CLI is not installed")
	}
	t.Parallel()
	a := auditSetup(t)
	a.awsCLI(t, "s3api", "create-bucket", "--bucket", "cli-bucket")
	a.awsCLI(t, "s3api", "put-bucket-encryption", "--bucket", "cli-bucket", "--server-side-encryption-configuration",
		`{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"alias/logs"}}]}`)
	a.awsCLI(t, "s3api", "get-bucket-encryption", "--bucket", "cli-bucket")

	var out struct {
		Events []struct {
			EventName, Username, CloudTrailEvent string
			// EventTime is epoch seconds: the CLI prints timestamps as
			// received without a cli_timestamp_format.
			EventTime float64
			Resources []struct{ ResourceType, ResourceName string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(a.awsCLI(t, "cloudtrail", "lookup-events", "--lookup-attributes",
		"AttributeKey=ResourceName,AttributeValue=cli-bucket")), &out))
	require.Len(t, out.Events, 2)
	ev := out.Events[0]
	require.Equal(t, "PutBucketEncryption", ev.EventName)
	require.Equal(t, "root", ev.Username)
	require.Equal(t, float64(salvetest.Start.Unix()), ev.EventTime)
	require.Equal(t, "AWS::S3::Bucket", ev.Resources[0].ResourceType)
	var rec map[string]any
	require.NoError(t, json.Unmarshal([]byte(ev.CloudTrailEvent), &rec))
	require.Equal(t, "alias/logs", dig(t, rec, "requestParameters", "ServerSideEncryptionConfiguration", "Rule",
		"ApplyServerSideEncryptionByDefault", "KMSMasterKeyID"))
	require.Contains(t, rec["userAgent"], "aws-cli/")
	require.Equal(t, "CreateBucket", out.Events[1].EventName)
}
