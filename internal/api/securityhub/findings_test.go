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

// TestFindings_ConfigLifecycle is the product's §5.4 through the SDK: a
// NON_COMPLIANT bucket is a FAILED, NEW finding; a person marks it; the
// fix makes it PASSED and RESOLVED; a relapse reopens it.
func TestFindings_ConfigLifecycle(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	rule := e.putRule(t, "s3-bucket-server-side-encryption-enabled")
	e.evaluate(t, rule.Name, "logs", "NON_COMPLIANT")

	failed := e.findings(t, &types.AwsSecurityFindingFilters{ProductName: eq("Config"), ComplianceStatus: eq("FAILED")})
	require.Len(t, failed, 1)
	f := failed[0]
	require.Equal(t, "arn:aws:securityhub:us-east-1::product/aws/config", aws.ToString(f.ProductArn))
	require.Equal(t, rule.ARN, aws.ToString(f.GeneratorId))
	require.True(t, strings.HasPrefix(aws.ToString(f.Id), rule.ARN+"/finding/"))
	require.Equal(t, types.WorkflowStatusNew, f.Workflow.Status)
	require.Equal(t, types.SeverityLabelMedium, f.Severity.Label)
	require.Equal(t, int32(40), aws.ToInt32(f.Severity.Normalized))
	require.Equal(t, "AwsS3Bucket", aws.ToString(f.Resources[0].Type))
	require.Equal(t, "arn:aws:s3:::logs", aws.ToString(f.Resources[0].Id))
	require.Equal(t, types.RecordStateActive, f.RecordState)
	require.Equal(t, "NON_COMPLIANT", f.ProductFields["aws/config/ConfigComplianceType"])

	out, err := e.sh.BatchUpdateFindings(ctx, &sdk.BatchUpdateFindingsInput{
		FindingIdentifiers: []types.AwsSecurityFindingIdentifier{{Id: f.Id, ProductArn: f.ProductArn}},
		Workflow:           &types.WorkflowUpdate{Status: types.WorkflowStatusNotified},
		Note:               &types.NoteUpdate{Text: aws.String("owner paged"), UpdatedBy: aws.String("alice")},
	})
	require.NoError(t, err)
	require.Len(t, out.ProcessedFindings, 1)
	require.Empty(t, out.UnprocessedFindings)

	e.evaluate(t, rule.Name, "logs", "NON_COMPLIANT")
	f = e.findings(t, nil)[0]
	require.Equal(t, types.WorkflowStatusNotified, f.Workflow.Status, "a status a person set stays while the resource fails")
	require.Equal(t, "owner paged", aws.ToString(f.Note.Text))
	require.Equal(t, "alice", aws.ToString(f.Note.UpdatedBy))
	require.NotEmpty(t, aws.ToString(f.Note.UpdatedAt))

	e.evaluate(t, rule.Name, "logs", "COMPLIANT")
	f = e.findings(t, nil)[0]
	require.Equal(t, types.ComplianceStatusPassed, f.Compliance.Status)
	require.Equal(t, types.WorkflowStatusResolved, f.Workflow.Status)

	e.evaluate(t, rule.Name, "logs", "NON_COMPLIANT")
	f = e.findings(t, nil)[0]
	require.Equal(t, types.ComplianceStatusFailed, f.Compliance.Status)
	require.Equal(t, types.WorkflowStatusNew, f.Workflow.Status)
	require.Len(t, e.findings(t, nil), 1, "one finding per rule and resource")

	_, err = e.client(other, region).GetFindings(ctx, &sdk.GetFindingsInput{})
	require.NoError(t, err)
}

func TestFindings_RuleDeletedArchives(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.putRule(t, "r")
	e.evaluate(t, "r", "logs", "NON_COMPLIANT")
	require.NoError(t, e.rules.DeleteRule(context.Background(), scope, "r"))
	require.Empty(t, e.findings(t, &types.AwsSecurityFindingFilters{RecordState: eq("ACTIVE")}))
	archived := e.findings(t, &types.AwsSecurityFindingFilters{RecordState: eq("ARCHIVED")})
	require.Len(t, archived, 1)
}

func TestBatchUpdateFindings_Unprocessed(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.importAll(t, custom("a"))
	a := custom("a")
	out, err := e.sh.BatchUpdateFindings(context.Background(), &sdk.BatchUpdateFindingsInput{
		FindingIdentifiers: []types.AwsSecurityFindingIdentifier{
			{Id: a.Id, ProductArn: a.ProductArn},
			{Id: aws.String("missing"), ProductArn: a.ProductArn},
		},
		Severity:          &types.SeverityUpdate{Normalized: aws.Int32(75)},
		VerificationState: types.VerificationStateTruePositive,
		UserDefinedFields: map[string]string{"ticket": "SEC-9"},
		Confidence:        aws.Int32(80),
	})
	require.NoError(t, err)
	require.Len(t, out.ProcessedFindings, 1)
	require.Len(t, out.UnprocessedFindings, 1)
	u := out.UnprocessedFindings[0]
	require.Equal(t, "missing", aws.ToString(u.FindingIdentifier.Id))
	require.Equal(t, "FindingNotFound", aws.ToString(u.ErrorCode))
	require.Equal(t, "Finding Not Found", aws.ToString(u.ErrorMessage))

	f := e.findings(t, &types.AwsSecurityFindingFilters{Id: eq("a")})[0]
	require.Equal(t, types.SeverityLabelHigh, f.Severity.Label, "75 is HIGH")
	require.Equal(t, int32(75), aws.ToInt32(f.Severity.Normalized))
	require.Equal(t, types.VerificationStateTruePositive, f.VerificationState)
	require.Equal(t, "SEC-9", f.UserDefinedFields["ticket"])
	require.Equal(t, int32(80), aws.ToInt32(f.Confidence))
	require.Equal(t, "2026-11-01T10:00:00Z", aws.ToString(f.UpdatedAt), "a customer's update leaves UpdatedAt")

	dup, err := e.sh.BatchUpdateFindings(context.Background(), &sdk.BatchUpdateFindingsInput{
		FindingIdentifiers: []types.AwsSecurityFindingIdentifier{{Id: a.Id, ProductArn: a.ProductArn}, {Id: a.Id, ProductArn: a.ProductArn}},
		Workflow:           &types.WorkflowUpdate{Status: types.WorkflowStatusSuppressed},
	})
	require.NoError(t, err)
	require.Empty(t, dup.ProcessedFindings)
	require.Len(t, dup.UnprocessedFindings, 2)
	require.Equal(t, "DuplicatedFindingIdentifier", aws.ToString(dup.UnprocessedFindings[0].ErrorCode))
}

func TestBatchUpdateFindings_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	id := []types.AwsSecurityFindingIdentifier{{Id: aws.String("a"), ProductArn: aws.String("arn:aws:securityhub:us-east-1::product/aws/config")}}
	many := make([]types.AwsSecurityFindingIdentifier, 101)
	for i := range many {
		many[i] = id[0]
	}
	for name, in := range map[string]*sdk.BatchUpdateFindingsInput{
		"NothingToUpdate":    {FindingIdentifiers: id},
		"NoIdentifiers":      {FindingIdentifiers: []types.AwsSecurityFindingIdentifier{}, Workflow: &types.WorkflowUpdate{Status: "NEW"}},
		"TooManyIdentifiers": {FindingIdentifiers: many, Workflow: &types.WorkflowUpdate{Status: "NEW"}},
		"BadWorkflowStatus":  {FindingIdentifiers: id, Workflow: &types.WorkflowUpdate{Status: "CLOSED"}},
		"NoteWithoutText":    {FindingIdentifiers: id, Note: &types.NoteUpdate{Text: aws.String(" "), UpdatedBy: aws.String("me")}},
		"LongNote":           {FindingIdentifiers: id, Note: &types.NoteUpdate{Text: aws.String(strings.Repeat("x", 513)), UpdatedBy: aws.String("me")}},
		"ConfidenceTooHigh":  {FindingIdentifiers: id, Confidence: aws.Int32(101)},
		"NegativeSeverity":   {FindingIdentifiers: id, Severity: &types.SeverityUpdate{Normalized: aws.Int32(-1)}},
		"BadSeverityLabel":   {FindingIdentifiers: id, Severity: &types.SeverityUpdate{Label: "SEVERE"}},
		"EmptySeverity":      {FindingIdentifiers: id, Severity: &types.SeverityUpdate{}},
		"BadVerification":    {FindingIdentifiers: id, VerificationState: "MAYBE"},
		"BadType":            {FindingIdentifiers: id, Types: []string{"Gossip/Rumours"}},
		"EmptyTypes":         {FindingIdentifiers: id, Types: []string{}},
		"RelatedWithoutArn":  {FindingIdentifiers: id, RelatedFindings: []types.RelatedFinding{{Id: aws.String("x"), ProductArn: aws.String(" ")}}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := e.sh.BatchUpdateFindings(context.Background(), in)
			requireCode(t, err, "InvalidInputException")
		})
	}
}
