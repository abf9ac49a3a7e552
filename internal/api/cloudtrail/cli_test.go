package cloudtrail_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// awsCLI runs the aws CLI against the test server as the default account
// and returns its stdout, or its stderr when it fails (ok false).
func (e *env) awsCLI(t *testing.T, region string, args ...string) (out string, ok bool) {
	t.Helper()
	cmd := exec.Command("aws", append([]string{"cloudtrail", "--endpoint-url", e.url, "--region", region, "--output", "json"}, args...)...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID="+account, "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PAGER=", "AWS_MAX_ATTEMPTS=1")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stderr.String(), false
	}
	return stdout.String(), true
}

func (e *env) awsCLIJSON(t *testing.T, region string, args ...string) map[string]any {
	t.Helper()
	out, ok := e.awsCLI(t, region, args...)
	require.True(t, ok, "aws %v: %s", args, out)
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &v), out)
	return v
}

// TestCLI drives the service with the aws CLI (botocore's serialisation:
// the modelled X-Amz-Target prefix, shorthand and JSON list arguments,
// lowerCamel DescribeTrails members).
func TestCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the aws CLI")
	}
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("the aws CLI is not installed")
	}
	t.Parallel()
	e := setup(t)

	created := e.awsCLIJSON(t, "us-east-1", "create-trail", "--name", "cli-trail", "--s3-bucket-name", bucket,
		"--is-multi-region-trail", "--enable-log-file-validation", "--tags-list", "Key=team,Value=sec")
	require.Equal(t, arnOf("us-east-1", account, "cli-trail"), created["TrailARN"])
	require.Equal(t, true, created["IsMultiRegionTrail"])

	sel := e.awsCLIJSON(t, "us-east-1", "put-event-selectors", "--trail-name", "cli-trail", "--event-selectors",
		`[{"ReadWriteType":"WriteOnly","DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::trail-bucket/"]}]}]`)
	require.Equal(t, "WriteOnly", sel["EventSelectors"].([]any)[0].(map[string]any)["ReadWriteType"])

	_, ok := e.awsCLI(t, "us-east-1", "start-logging", "--name", "cli-trail")
	require.True(t, ok)
	status := e.awsCLIJSON(t, "us-east-1", "get-trail-status", "--name", "cli-trail")
	require.Equal(t, true, status["IsLogging"])
	require.NotEmpty(t, status["StartLoggingTime"])

	shadows := e.awsCLIJSON(t, "eu-west-1", "describe-trails")
	list := shadows["trailList"].([]any)
	require.Len(t, list, 1)
	require.Equal(t, "us-east-1", list[0].(map[string]any)["HomeRegion"])

	tags := e.awsCLIJSON(t, "us-east-1", "list-tags", "--resource-id-list", arnOf("us-east-1", account, "cli-trail"))
	require.Equal(t, "sec", tags["ResourceTagList"].([]any)[0].(map[string]any)["TagsList"].([]any)[0].(map[string]any)["Value"])

	msg, ok := e.awsCLI(t, "eu-west-1", "stop-logging", "--name", arnOf("us-east-1", account, "cli-trail"))
	require.False(t, ok)
	require.Contains(t, msg, "InvalidHomeRegionException")
}
