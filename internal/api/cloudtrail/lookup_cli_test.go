package cloudtrail_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestLookupEvents_AWSCLI drives the audit trail with the aws CLI alone:
// botocore's S3 requests (path-style against an IP endpoint) are named and
// decoded, and lookup-events answers in the shapes botocore parses.
func TestLookupEvents_AWSCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	a := auditSetup(t)
	cli := awscli.New(t, a.env.URL, awscli.Options{AccessKey: account})
	cli.Output("s3api", "create-bucket", "--bucket", "cli-bucket")
	cli.Output("s3api", "put-bucket-encryption", "--bucket", "cli-bucket", "--server-side-encryption-configuration",
		`{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"alias/logs"}}]}`)
	cli.Output("s3api", "get-bucket-encryption", "--bucket", "cli-bucket")

	var out struct {
		Events []struct {
			EventName, Username, CloudTrailEvent string
			// EventTime is epoch seconds: the CLI prints timestamps as
			// received without a cli_timestamp_format.
			EventTime float64
			Resources []struct{ ResourceType, ResourceName string }
		}
	}
	cli.RunJSON(&out, "cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=ResourceName,AttributeValue=cli-bucket")
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
