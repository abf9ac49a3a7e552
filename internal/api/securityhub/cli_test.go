package securityhub_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// cliEnv is the aws CLI's environment for the test server: the default
// account's key, Salve as the endpoint (AWS_ENDPOINT_URL, so commands run
// verbatim), no config files, no pager, no retries.
func (e *env) cliEnv() []string {
	return append(os.Environ(), "AWS_ACCESS_KEY_ID="+account, "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_ENDPOINT_URL="+e.url, "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"AWS_PAGER=", "AWS_MAX_ATTEMPTS=1", "REGION="+region)
}

// shell runs a shell command line with the CLI's environment and extra
// variables; it returns stdout, or stderr when the command fails.
func (e *env) shell(t *testing.T, line string, vars ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command("bash", "-c", line)
	cmd.Env = append(e.cliEnv(), vars...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stderr.String(), false
	}
	return stdout.String(), true
}

func (e *env) shellJSON(t *testing.T, line string) map[string]any {
	t.Helper()
	out, ok := e.shell(t, line)
	require.True(t, ok, "%s: %s", line, out)
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &v), out)
	return v
}

// workshopCommand is the product's §5.4 command, verbatim but for the
// placeholders, which the test fills in.
const workshopCommand = `aws securityhub batch-update-findings \
  --region "$REGION" \
  --finding-identifiers Id="<FINDING_ID>",ProductArn="<PRODUCT_ARN>" \
  --workflow Status="RESOLVED" \
  --note Text="Auto-remediated by Config/SSM",UpdatedBy="automation"`

// TestCLI_Workshop runs the product's Security Hub steps with the aws CLI
// (botocore's REST-JSON serialisation, shorthand arguments).
func TestCLI_Workshop(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the aws CLI")
	}
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("the aws CLI is not installed")
	}
	t.Parallel()
	e := setup(t)
	e.putRule(t, "s3-bucket-server-side-encryption-enabled")
	e.evaluate(t, "s3-bucket-server-side-encryption-enabled", "logs", "NON_COMPLIANT")

	_, ok := e.shell(t, `aws securityhub enable-security-hub --region "$REGION" --enable-default-standards --control-finding-generator SECURITY_CONTROL`)
	require.True(t, ok)
	hub := e.shellJSON(t, `aws securityhub describe-hub --region "$REGION"`)
	require.Equal(t, "arn:aws:securityhub:us-east-1:"+account+":hub/default", hub["HubArn"])

	got := e.shellJSON(t, `aws securityhub get-findings --region "$REGION" --filters '{"ProductName":[{"Value":"Config","Comparison":"EQUALS"}],"ComplianceStatus":[{"Value":"FAILED","Comparison":"EQUALS"}]}'`)
	findings := got["Findings"].([]any)
	require.Len(t, findings, 1)
	f := findings[0].(map[string]any)
	id, productArn := f["Id"].(string), f["ProductArn"].(string)

	line := strings.NewReplacer("<FINDING_ID>", id, "<PRODUCT_ARN>", productArn).Replace(workshopCommand)
	out, ok := e.shell(t, line)
	require.True(t, ok, out)
	var res map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.Len(t, res["ProcessedFindings"], 1)
	require.Empty(t, res["UnprocessedFindings"])

	got = e.shellJSON(t, `aws securityhub get-findings --region "$REGION" --filters '{"WorkflowStatus":[{"Value":"RESOLVED","Comparison":"EQUALS"}]}' --max-items 10`)
	f = got["Findings"].([]any)[0].(map[string]any)
	note := f["Note"].(map[string]any)
	require.Equal(t, "Auto-remediated by Config/SSM", note["Text"])
	require.Equal(t, "automation", note["UpdatedBy"])

	msg, ok := e.shell(t, `aws securityhub batch-update-findings --region "$REGION" --finding-identifiers Id=x,ProductArn=y --workflow Status=CLOSED`)
	require.False(t, ok)
	require.Contains(t, msg, "InvalidInputException")
	require.Contains(t, msg, "Workflow.Status")

	out, ok = e.shell(t, `aws securityhub get-findings --region "$REGION" --filters '{"Title":[{"Value":"x","Comparison":"CONTAINS"},{"Value":"y","Comparison":"NOT_CONTAINS"}]}'`)
	require.False(t, ok)
	require.Contains(t, out, "InvalidInputException")
}
