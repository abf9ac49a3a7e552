package cloudtrail_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestCLI drives the service with the aws CLI (botocore's serialisation:
// the modelled X-Amz-Target prefix, shorthand and JSON list arguments,
// lowerCamel DescribeTrails members).
func TestCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	east := awscli.New(t, e.url, awscli.Options{Region: "us-east-1", AccessKey: account})
	west := awscli.New(t, e.url, awscli.Options{Region: "eu-west-1", AccessKey: account})

	var created map[string]any
	east.RunJSON(&created, "cloudtrail", "create-trail", "--name", "cli-trail", "--s3-bucket-name", bucket,
		"--is-multi-region-trail", "--enable-log-file-validation", "--tags-list", "Key=team,Value=sec")
	require.Equal(t, arnOf("us-east-1", account, "cli-trail"), created["TrailARN"])
	require.Equal(t, true, created["IsMultiRegionTrail"])

	var sel map[string]any
	east.RunJSON(&sel, "cloudtrail", "put-event-selectors", "--trail-name", "cli-trail", "--event-selectors",
		`[{"ReadWriteType":"WriteOnly","DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::trail-bucket/"]}]}]`)
	require.Equal(t, "WriteOnly", sel["EventSelectors"].([]any)[0].(map[string]any)["ReadWriteType"])

	awscli.RequireOK(t, east.Run("cloudtrail", "start-logging", "--name", "cli-trail"))
	var status map[string]any
	east.RunJSON(&status, "cloudtrail", "get-trail-status", "--name", "cli-trail")
	require.Equal(t, true, status["IsLogging"])
	require.NotEmpty(t, status["StartLoggingTime"])

	var shadows map[string]any
	west.RunJSON(&shadows, "cloudtrail", "describe-trails")
	list := shadows["trailList"].([]any)
	require.Len(t, list, 1)
	require.Equal(t, "us-east-1", list[0].(map[string]any)["HomeRegion"])

	var tags map[string]any
	east.RunJSON(&tags, "cloudtrail", "list-tags", "--resource-id-list", arnOf("us-east-1", account, "cli-trail"))
	require.Equal(t, "sec", tags["ResourceTagList"].([]any)[0].(map[string]any)["TagsList"].([]any)[0].(map[string]any)["Value"])

	awscli.RequireError(t, west.Run("cloudtrail", "stop-logging", "--name", arnOf("us-east-1", account, "cli-trail")),
		"InvalidHomeRegionException")
}
