package events_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// awsCLI runs the aws CLI against the test server and decodes its JSON
// output into out (when not nil). The test is skipped without the CLI.
func awsCLI(t *testing.T, e *env, out any, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the aws CLI is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, append(args, "--endpoint-url", e.URL, "--output", "json")...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=AKIDSALVETEST", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_PAGER=", "AWS_CONFIG_FILE="+filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "credentials"), "AWS_MAX_ATTEMPTS=1")
	stdout, err := cmd.Output()
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		t.Fatalf("aws %v: %v\n%s", args, err, exit.Stderr)
	}
	require.NoError(t, err)
	if out != nil {
		require.NoError(t, json.Unmarshal(stdout, out), string(stdout))
	}
}

// writeFile writes a file for a file:// argument.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return "file://" + path
}

// productPattern is the event pattern of the product's §5.3.
const productPattern = `{
  "source": ["aws.config"],
  "detail-type": ["Config Rules Compliance Change"],
  "detail": {
    "configRuleName": ["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"],
    "newEvaluationResult": { "complianceType": ["NON_COMPLIANT"] }
  }
}`

// TestCLI proves the aws CLI's request shapes decode: put-rule with a
// pattern file, put-targets, put-events with an entries file,
// test-event-pattern, list-targets-by-rule.
func TestCLI(t *testing.T) {
	t.Parallel()
	e := setup(t)
	var rule struct{ RuleArn string }
	awsCLI(t, e, &rule, "events", "put-rule", "--name", "s3-encryption", "--event-pattern", writeFile(t, "pattern.json", productPattern))
	require.Equal(t, "arn:aws:events:us-east-1:123456789012:rule/s3-encryption", rule.RuleArn)

	var put struct{ FailedEntryCount int }
	awsCLI(t, e, &put, "events", "put-targets", "--rule", "s3-encryption",
		"--targets", `Id=fix,Arn=`+lambdaARN, `Id=tell,Arn=`+topicARN+`,InputPath=$.detail`)
	require.Zero(t, put.FailedEntryCount)
	var targets struct {
		Targets []struct{ Id, Arn, InputPath string }
	}
	awsCLI(t, e, &targets, "events", "list-targets-by-rule", "--rule", "s3-encryption")
	require.Len(t, targets.Targets, 2)
	require.Equal(t, "$.detail", targets.Targets[1].InputPath)

	var match struct{ Result bool }
	event := `{"id":"1","account":"123456789012","source":"aws.config","time":"2026-01-01T00:00:00Z","region":"us-east-1",` +
		`"resources":[],"detail-type":"Config Rules Compliance Change","detail":{"configRuleName":"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",` +
		`"newEvaluationResult":{"complianceType":"NON_COMPLIANT"}}}`
	awsCLI(t, e, &match, "events", "test-event-pattern", "--event-pattern", writeFile(t, "p.json", productPattern), "--event", event)
	require.True(t, match.Result)

	awsCLI(t, e, nil, "events", "put-rule", "--name", "orders", "--event-pattern", orderPattern, "--description", "orders")
	awsCLI(t, e, nil, "events", "put-targets", "--rule", "orders", "--targets",
		`[{"Id":"fn","Arn":"`+lambdaARN+`","InputTransformer":{"InputPathsMap":{"s":"$.detail.status"},"InputTemplate":"\"<s>\""}}]`)
	var res struct {
		FailedEntryCount int
		Entries          []struct{ EventId string }
	}
	entries := `[{"Source":"com.example.orders","DetailType":"Order","Detail":"{\"status\":\"PLACED\"}","Time":"2026-01-02T03:04:05Z"}]`
	awsCLI(t, e, &res, "events", "put-events", "--entries", writeFile(t, "entries.json", entries))
	require.Zero(t, res.FailedEntryCount)
	require.Len(t, res.Entries, 1)
	ds, err := e.Domain.Deliveries(context.Background(), home, "orders")
	require.NoError(t, err)
	require.Len(t, ds, 1)
	require.Equal(t, `"PLACED"`, ds[0].Payload)
	require.Equal(t, res.Entries[0].EventId, ds[0].EventID)
}
