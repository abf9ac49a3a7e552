package securityhub_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"
	"github.com/stretchr/testify/require"
)

func TestBatchImportFindings_Stores(t *testing.T) {
	t.Parallel()
	e := setup(t)
	f := custom("cve-1")
	f.Network = &types.Network{Direction: types.NetworkDirectionIn, SourceIpV4: aws.String("203.0.113.7"), SourcePort: aws.Int32(443)}
	f.Resources[0].Tags = map[string]string{"env": "prod"}
	f.Resources[0].Details = &types.ResourceDetails{AwsS3Bucket: &types.AwsS3BucketDetails{OwnerId: aws.String("owner-1")}}
	e.importAll(t, f)

	got := e.findings(t, nil)
	require.Len(t, got, 1)
	g := got[0]
	require.Equal(t, "Personal", aws.ToString(g.CompanyName))
	require.Equal(t, "Default", aws.ToString(g.ProductName))
	require.Equal(t, types.RecordStateActive, g.RecordState)
	require.Equal(t, types.WorkflowStatusNew, g.Workflow.Status)
	require.Equal(t, int32(70), aws.ToInt32(g.Severity.Normalized), "HIGH is 70")
	require.Equal(t, types.SeverityLabelHigh, g.FindingProviderFields.Severity.Label)
	require.Equal(t, f.Types, g.FindingProviderFields.Types)
	require.Equal(t, "us-east-1", aws.ToString(g.Region))
	require.NotEmpty(t, aws.ToString(g.ProcessedAt))
	require.Equal(t, aws.ToString(f.ProductArn)+"/cve-1", g.ProductFields["aws/securityhub/FindingId"])
	require.Equal(t, "203.0.113.7", aws.ToString(g.Network.SourceIpV4), "members Salve does not interpret come back as sent")
	require.Equal(t, int32(443), aws.ToInt32(g.Network.SourcePort))
	require.Equal(t, "owner-1", aws.ToString(g.Resources[0].Details.AwsS3Bucket.OwnerId))
	require.Equal(t, "prod", g.Resources[0].Tags["env"])
}

// TestBatchImportFindings_UpdateKeepsCustomer: a provider's later import
// updates its members but not what a customer set.
func TestBatchImportFindings_UpdateKeepsCustomer(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	f := custom("a")
	e.importAll(t, f)
	_, err := e.sh.BatchUpdateFindings(ctx, &sdk.BatchUpdateFindingsInput{
		FindingIdentifiers: []types.AwsSecurityFindingIdentifier{{Id: f.Id, ProductArn: f.ProductArn}},
		Workflow:           &types.WorkflowUpdate{Status: types.WorkflowStatusNotified},
		Severity:           &types.SeverityUpdate{Label: types.SeverityLabelLow},
		Note:               &types.NoteUpdate{Text: aws.String("looking"), UpdatedBy: aws.String("bob")},
	})
	require.NoError(t, err)

	f.UpdatedAt, f.Title = aws.String("2026-11-01T11:00:00Z"), aws.String("Renamed")
	f.Severity = &types.Severity{Label: types.SeverityLabelCritical}
	f.Workflow = &types.Workflow{Status: types.WorkflowStatusResolved}
	e.importAll(t, f)
	g := e.findings(t, nil)[0]
	require.Equal(t, "Renamed", aws.ToString(g.Title))
	require.Equal(t, "2026-11-01T11:00:00Z", aws.ToString(g.UpdatedAt))
	require.Equal(t, types.SeverityLabelLow, g.Severity.Label, "the customer's severity stays")
	require.Equal(t, types.SeverityLabelCritical, g.FindingProviderFields.Severity.Label, "the provider's is kept beside it")
	require.Equal(t, types.WorkflowStatusNotified, g.Workflow.Status)
	require.Equal(t, "looking", aws.ToString(g.Note.Text))

	f.UpdatedAt, f.Title = aws.String("2026-11-01T09:00:00Z"), aws.String("Stale")
	e.importAll(t, f)
	require.Equal(t, "Renamed", aws.ToString(e.findings(t, nil)[0].Title), "an older update is ignored")

	f.UpdatedAt = aws.String("2026-11-01T12:00:00Z")
	f.Compliance = &types.Compliance{Status: types.ComplianceStatusPassed}
	e.importAll(t, f)
	f.UpdatedAt = aws.String("2026-11-01T13:00:00Z")
	f.Compliance = &types.Compliance{Status: types.ComplianceStatusFailed}
	e.importAll(t, f)
	require.Equal(t, types.WorkflowStatusNew, e.findings(t, nil)[0].Workflow.Status, "PASSED to FAILED reopens a NOTIFIED finding")
}

func TestBatchImportFindings_Failed(t *testing.T) {
	t.Parallel()
	e := setup(t)
	for name, tc := range map[string]struct {
		mutate func(*types.AwsSecurityFinding)
		code   string
	}{
		"BlankTitle":         {func(f *types.AwsSecurityFinding) { f.Title = aws.String(" ") }, "InvalidInput"},
		"LongDescription":    {func(f *types.AwsSecurityFinding) { f.Description = aws.String(strings.Repeat("d", 1025)) }, "InvalidInput"},
		"BadSchemaVersion":   {func(f *types.AwsSecurityFinding) { f.SchemaVersion = aws.String("2020-01-01") }, "InvalidInput"},
		"BadTimestamp":       {func(f *types.AwsSecurityFinding) { f.UpdatedAt = aws.String("yesterday") }, "InvalidInput"},
		"NoResources":        {func(f *types.AwsSecurityFinding) { f.Resources = []types.Resource{} }, "InvalidInput"},
		"ResourceWithoutId":  {func(f *types.AwsSecurityFinding) { f.Resources[0].Id = aws.String("") }, "InvalidInput"},
		"NoSeverity":         {func(f *types.AwsSecurityFinding) { f.Severity = nil }, "InvalidInput"},
		"BadSeverityScore":   {func(f *types.AwsSecurityFinding) { f.Severity = &types.Severity{Normalized: aws.Int32(101)} }, "InvalidInput"},
		"NoTypes":            {func(f *types.AwsSecurityFinding) { f.Types = nil }, "InvalidInput"},
		"BadTypeNamespace":   {func(f *types.AwsSecurityFinding) { f.Types = []string{"Vibes/Bad"} }, "InvalidInput"},
		"BadRecordState":     {func(f *types.AwsSecurityFinding) { f.RecordState = "DELETED" }, "InvalidInput"},
		"BadComplianceState": {func(f *types.AwsSecurityFinding) { f.Compliance = &types.Compliance{Status: "MAYBE"} }, "InvalidInput"},
		"OtherRegionProduct": {func(f *types.AwsSecurityFinding) {
			f.ProductArn = aws.String("arn:aws:securityhub:eu-west-1:" + account + ":product/" + account + "/default")
		}, "InvalidInput"},
		"OtherAccount": {func(f *types.AwsSecurityFinding) { f.AwsAccountId = aws.String(other) }, "AccessDeniedException"},
		"BadAccount":   {func(f *types.AwsSecurityFinding) { f.AwsAccountId = aws.String("12") }, "InvalidInput"},
		"AWSProduct": {func(f *types.AwsSecurityFinding) {
			f.ProductArn = aws.String("arn:aws:securityhub:us-east-1::product/aws/config")
		}, "AccessDeniedException"},
		"BadProductArn":  {func(f *types.AwsSecurityFinding) { f.ProductArn = aws.String("my-product") }, "InvalidInput"},
		"ConfidenceHigh": {func(f *types.AwsSecurityFinding) { f.Confidence = aws.Int32(101) }, "InvalidInput"},
	} {
		t.Run(name, func(t *testing.T) {
			f := custom("bad-" + name)
			tc.mutate(&f)
			out, err := e.sh.BatchImportFindings(context.Background(), &sdk.BatchImportFindingsInput{
				Findings: []types.AwsSecurityFinding{f, custom("good-" + name)}})
			require.NoError(t, err)
			require.Equal(t, int32(1), aws.ToInt32(out.SuccessCount))
			require.Equal(t, int32(1), aws.ToInt32(out.FailedCount))
			require.Equal(t, "bad-"+name, aws.ToString(out.FailedFindings[0].Id))
			require.Equal(t, tc.code, aws.ToString(out.FailedFindings[0].ErrorCode), aws.ToString(out.FailedFindings[0].ErrorMessage))
		})
	}
}

func TestBatchImportFindings_RequestErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.sh.BatchImportFindings(ctx, &sdk.BatchImportFindingsInput{Findings: []types.AwsSecurityFinding{}})
	requireCode(t, err, "InvalidInputException")
	many := make([]types.AwsSecurityFinding, 101)
	for i := range many {
		many[i] = custom("x")
	}
	_, err = e.sh.BatchImportFindings(ctx, &sdk.BatchImportFindingsInput{Findings: many})
	requireCode(t, err, "InvalidInputException")

	_, err = e.sh.DisableSecurityHub(ctx, &sdk.DisableSecurityHubInput{})
	require.NoError(t, err)
	_, err = e.sh.BatchImportFindings(ctx, &sdk.BatchImportFindingsInput{Findings: []types.AwsSecurityFinding{custom("x")}})
	requireCode(t, err, "InvalidAccessException")
}
