package securityhub_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

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
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.url, awscli.Options{AccessKey: account, Env: []string{"REGION=" + region}})
	e.putRule(t, "s3-bucket-server-side-encryption-enabled")
	e.evaluate(t, "s3-bucket-server-side-encryption-enabled", "logs", "NON_COMPLIANT")

	awscli.RequireOK(t, cli.Shell(`aws securityhub enable-security-hub --region "$REGION" --enable-default-standards --control-finding-generator SECURITY_CONTROL`))
	var hub map[string]any
	awscli.RequireJSON(t, cli.Shell(`aws securityhub describe-hub --region "$REGION"`), &hub)
	require.Equal(t, "arn:aws:securityhub:us-east-1:"+account+":hub/default", hub["HubArn"])

	var got map[string]any
	awscli.RequireJSON(t, cli.Shell(`aws securityhub get-findings --region "$REGION" --filters '{"ProductName":[{"Value":"Config","Comparison":"EQUALS"}],"ComplianceStatus":[{"Value":"FAILED","Comparison":"EQUALS"}]}'`), &got)
	findings := got["Findings"].([]any)
	require.Len(t, findings, 1)
	f := findings[0].(map[string]any)
	id, productArn := f["Id"].(string), f["ProductArn"].(string)

	line := strings.NewReplacer("<FINDING_ID>", id, "<PRODUCT_ARN>", productArn).Replace(workshopCommand)
	var res map[string]any
	awscli.RequireJSON(t, cli.Shell(line), &res)
	require.Len(t, res["ProcessedFindings"], 1)
	require.Empty(t, res["UnprocessedFindings"])

	var resolved map[string]any
	awscli.RequireJSON(t, cli.Shell(`aws securityhub get-findings --region "$REGION" --filters '{"WorkflowStatus":[{"Value":"RESOLVED","Comparison":"EQUALS"}]}' --max-items 10`), &resolved)
	f = resolved["Findings"].([]any)[0].(map[string]any)
	note := f["Note"].(map[string]any)
	require.Equal(t, "Auto-remediated by Config/SSM", note["Text"])
	require.Equal(t, "automation", note["UpdatedBy"])

	failed := cli.Shell(`aws securityhub batch-update-findings --region "$REGION" --finding-identifiers Id=x,ProductArn=y --workflow Status=CLOSED`)
	awscli.RequireError(t, failed, "InvalidInputException")
	require.Contains(t, failed.Stderr, "Workflow.Status")

	awscli.RequireError(t, cli.Shell(`aws securityhub get-findings --region "$REGION" --filters '{"Title":[{"Value":"x","Comparison":"CONTAINS"},{"Value":"y","Comparison":"NOT_CONTAINS"}]}'`),
		"InvalidInputException")
}
