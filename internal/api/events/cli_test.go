package events_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

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
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.URL, awscli.Options{})
	var rule struct{ RuleArn string }
	cli.RunJSON(&rule, "events", "put-rule", "--name", "s3-encryption", "--event-pattern", writeFile(t, "pattern.json", productPattern))
	require.Equal(t, "arn:aws:events:us-east-1:123456789012:rule/s3-encryption", rule.RuleArn)

	var put struct{ FailedEntryCount int }
	cli.RunJSON(&put, "events", "put-targets", "--rule", "s3-encryption",
		"--targets", `Id=fix,Arn=`+lambdaARN, `Id=tell,Arn=`+topicARN+`,InputPath=$.detail`)
	require.Zero(t, put.FailedEntryCount)
	var targets struct {
		Targets []struct{ Id, Arn, InputPath string }
	}
	cli.RunJSON(&targets, "events", "list-targets-by-rule", "--rule", "s3-encryption")
	require.Len(t, targets.Targets, 2)
	require.Equal(t, "$.detail", targets.Targets[1].InputPath)

	var match struct{ Result bool }
	event := `{"id":"1","account":"123456789012","source":"aws.config","time":"2026-01-01T00:00:00Z","region":"us-east-1",` +
		`"resources":[],"detail-type":"Config Rules Compliance Change","detail":{"configRuleName":"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",` +
		`"newEvaluationResult":{"complianceType":"NON_COMPLIANT"}}}`
	cli.RunJSON(&match, "events", "test-event-pattern", "--event-pattern", writeFile(t, "p.json", productPattern), "--event", event)
	require.True(t, match.Result)

	cli.RunJSON(nil, "events", "put-rule", "--name", "orders", "--event-pattern", orderPattern, "--description", "orders")
	cli.RunJSON(nil, "events", "put-targets", "--rule", "orders", "--targets",
		`[{"Id":"fn","Arn":"`+lambdaARN+`","InputTransformer":{"InputPathsMap":{"s":"$.detail.status"},"InputTemplate":"\"<s>\""}}]`)
	var res struct {
		FailedEntryCount int
		Entries          []struct{ EventId string }
	}
	entries := `[{"Source":"com.example.orders","DetailType":"Order","Detail":"{\"status\":\"PLACED\"}","Time":"2026-01-02T03:04:05Z"}]`
	cli.RunJSON(&res, "events", "put-events", "--entries", writeFile(t, "entries.json", entries))
	require.Zero(t, res.FailedEntryCount)
	require.Len(t, res.Entries, 1)
	ds, err := e.Domain.Deliveries(context.Background(), home, "orders")
	require.NoError(t, err)
	require.Len(t, ds, 1)
	require.Equal(t, `"PLACED"`, ds[0].Payload)
	require.Equal(t, res.Entries[0].EventId, ds[0].EventID)
}
