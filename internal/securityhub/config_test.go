package securityhub_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/rules"
	sh "github.com/salvehq/salve/internal/securityhub"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

func TestService_ConfigFindingShape(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rule := b.putRule(t, acct, "s3-encrypted")
	b.evaluate(t, acct, "s3-encrypted", "logs", rules.NonCompliant)

	f := b.only(t, acct)
	require.True(t, strings.HasPrefix(f.ID, rule.ARN+"/finding/"), f.ID)
	require.Len(t, strings.TrimPrefix(f.ID, rule.ARN+"/finding/"), 40, "a SHA-1 in hex")
	require.Equal(t, "arn:aws:securityhub:us-east-1::product/aws/config", f.ProductArn)
	require.Equal(t, sh.SchemaVersion, f.SchemaVersion)
	require.Equal(t, "Config", f.ProductName)
	require.Equal(t, "AWS", f.CompanyName)
	require.Equal(t, "us-east-1", f.Region)
	require.Equal(t, rule.ARN, f.GeneratorID)
	require.Equal(t, acct.AccountID, f.AwsAccountID)
	require.Equal(t, []string{"Software and Configuration Checks"}, f.Types)
	require.Equal(t, "s3-encrypted", f.Title)
	require.Equal(t, "This finding is created for a resource compliance change for config rule: s3-encrypted", f.Description)
	require.Equal(t, &sh.Severity{Label: "MEDIUM", Normalized: ptr(40)}, f.Severity)
	require.Equal(t, []sh.Resource{{Type: "AwsS3Bucket", ID: "arn:aws:s3:::logs", Partition: "aws", Region: "us-east-1"}}, f.Resources)
	require.Equal(t, sh.ComplianceFailed, f.ComplianceStatus())
	require.Equal(t, sh.WorkflowNew, f.WorkflowStatus())
	require.Equal(t, "NEW", f.WorkflowState)
	require.Equal(t, sh.RecordActive, f.RecordState)
	require.Equal(t, "2026-11-01T12:00:01.000Z", f.CreatedAt)
	require.Equal(t, f.CreatedAt, f.UpdatedAt)
	require.Equal(t, f.CreatedAt, f.FirstObservedAt)
	require.Equal(t, map[string]string{
		"aws/securityhub/ProductName":     "Config",
		"aws/securityhub/CompanyName":     "AWS",
		"aws/securityhub/FindingId":       f.ProductArn + "/" + f.ID,
		"aws/config/ConfigRuleArn":        rule.ARN,
		"aws/config/ConfigRuleName":       "s3-encrypted",
		"aws/config/ConfigComplianceType": "NON_COMPLIANT",
	}, f.ProductFields)
	require.Equal(t, "MEDIUM", f.FindingProviderFields.Severity.Label)
}

// TestService_ConfigLifecycle follows one (rule, bucket) finding through
// the workshop's story and Security Hub's workflow rules.
func TestService_ConfigLifecycle(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.putRule(t, acct, "r")
	steps := []struct {
		name       string
		compliance string // Config result recorded, or "" for a customer step
		workflow   string // customer's BatchUpdateFindings, when compliance is ""
		wantStatus string
		wantFlow   string
	}{
		{"NonCompliantIsFailedNew", rules.NonCompliant, "", sh.ComplianceFailed, sh.WorkflowNew},
		{"CustomerNotifies", "", sh.WorkflowNotified, sh.ComplianceFailed, sh.WorkflowNotified},
		{"NotifiedKeptOnRepeatedFailure", rules.NonCompliant, "", sh.ComplianceFailed, sh.WorkflowNotified},
		{"CompliantIsPassedResolved", rules.Compliant, "", sh.CompliancePassed, sh.WorkflowResolved},
		{"FailingAgainReopens", rules.NonCompliant, "", sh.ComplianceFailed, sh.WorkflowNew},
		{"CustomerSuppresses", "", sh.WorkflowSuppressed, sh.ComplianceFailed, sh.WorkflowSuppressed},
		{"SuppressedStaysWhenPassing", rules.Compliant, "", sh.CompliancePassed, sh.WorkflowSuppressed},
	}
	var created string
	for _, s := range steps {
		if s.compliance != "" {
			b.evaluate(t, acct, "r", "logs", s.compliance)
		} else {
			b.setWorkflow(t, acct, b.only(t, acct), s.workflow)
		}
		f := b.only(t, acct)
		require.Equal(t, s.wantStatus, f.ComplianceStatus(), s.name)
		require.Equal(t, s.wantFlow, f.WorkflowStatus(), s.name)
		require.Equal(t, sh.RecordActive, f.RecordState, s.name)
		if created == "" {
			created = f.CreatedAt
		}
		require.Equal(t, created, f.CreatedAt, "%s: one finding per rule and resource", s.name)
	}
	f := b.only(t, acct)
	require.Equal(t, sh.FormatTime(b.clock.Now()), f.UpdatedAt)
	require.Equal(t, rules.Compliant, f.ProductFields["aws/config/ConfigComplianceType"])
}

func TestService_ConfigCustomerSeverityKept(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.putRule(t, acct, "r")
	b.evaluate(t, acct, "r", "logs", rules.NonCompliant)
	f := b.only(t, acct)
	_, err := b.hub.BatchUpdateFindings(context.Background(), acct, sh.UpdateParams{
		Identifiers: []sh.Identifier{f.Identifier()}, Severity: &sh.SeverityUpdate{Label: sh.SeverityCritical},
		Note: &sh.NoteUpdate{Text: "ticket SEC-1", UpdatedBy: "alice"}})
	require.NoError(t, err)
	b.evaluate(t, acct, "r", "logs", rules.NonCompliant)

	f = b.only(t, acct)
	require.Equal(t, &sh.Severity{Label: sh.SeverityCritical, Normalized: ptr(90)}, f.Severity)
	require.Equal(t, "ticket SEC-1", f.Note.Text)
}

func TestService_ConfigNotApplicableArchives(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.putRule(t, acct, "r")
	b.evaluate(t, acct, "r", "never-failed", rules.NotApplicable)
	require.Empty(t, b.all(t, acct), "no finding for a resource that never applied")

	b.evaluate(t, acct, "r", "logs", rules.Compliant)
	b.evaluate(t, acct, "r", "logs", rules.NotApplicable) // the bucket was deleted
	f := b.only(t, acct)
	require.Equal(t, sh.RecordArchived, f.RecordState)
	require.Equal(t, sh.ComplianceNotAvailable, f.ComplianceStatus())
	require.Equal(t, sh.WorkflowResolved, f.WorkflowStatus())

	b.evaluate(t, acct, "r", "logs", rules.NonCompliant) // recreated, unencrypted
	f = b.only(t, acct)
	require.Equal(t, sh.RecordActive, f.RecordState)
	require.Equal(t, sh.WorkflowNew, f.WorkflowStatus())
}

func TestService_RuleDeletedArchivesItsFindings(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.putRule(t, acct, "gone")
	b.putRule(t, acct, "kept")
	b.evaluate(t, acct, "gone", "a", rules.NonCompliant)
	b.evaluate(t, acct, "gone", "b", rules.Compliant)
	b.evaluate(t, acct, "kept", "a", rules.NonCompliant)

	require.NoError(t, b.rules.DeleteRule(context.Background(), acct, "gone"))
	states := map[string]string{}
	for _, f := range b.all(t, acct) {
		states[f.Title+"/"+f.Resources[0].ID] = f.RecordState
	}
	require.Equal(t, map[string]string{"gone/arn:aws:s3:::a": sh.RecordArchived, "gone/arn:aws:s3:::b": sh.RecordArchived,
		"kept/arn:aws:s3:::a": sh.RecordActive}, states)
}

func TestService_OnRuleDeleted(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rule := b.putRule(t, acct, "r")
	b.evaluate(t, acct, "r", "a", rules.NonCompliant)
	var seen []sh.Finding
	b.hub.OnFindings(func(_ context.Context, _ tenant.Scope, fs []sh.Finding) { seen = append(seen, fs...) })
	require.NoError(t, b.hub.OnRuleDeleted(context.Background(), acct, rule))
	require.Equal(t, sh.RecordArchived, b.only(t, acct).RecordState)
	require.Len(t, seen, 1)
	require.NoError(t, b.hub.OnRuleDeleted(context.Background(), acct, rule))
	require.Len(t, seen, 1, "archiving again changes nothing")
}

func TestService_ConfigFindingsPerAccount(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.putRule(t, acct, "r")
	b.putRule(t, other, "r")
	b.evaluate(t, acct, "r", "a", rules.NonCompliant)
	require.Len(t, b.all(t, acct), 1)
	require.Empty(t, b.all(t, other))
}

func TestService_ConfigHookSeesFindings(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var got []sh.Finding
	b.hub.OnFindings(func(_ context.Context, scope tenant.Scope, fs []sh.Finding) {
		require.Equal(t, acct, scope)
		got = append(got, fs...)
	})
	b.putRule(t, acct, "r")
	b.evaluate(t, acct, "r", "a", rules.NonCompliant)
	require.Len(t, got, 1)
	require.Equal(t, sh.ComplianceFailed, got[0].ComplianceStatus())
}

// items is a recorder stand-in that knows one resource's ARN.
type items struct{ arn string }

func (i items) CurrentItem(_ store.Tx, _ tenant.Scope, resourceType, resourceID string) (*configitem.Item, error) {
	if resourceID != "AROAEXAMPLE" {
		return nil, nil
	}
	return &configitem.Item{ResourceType: resourceType, ResourceID: resourceID, ARN: i.arn}, nil
}

func TestService_ConfigResourceIDs(t *testing.T) {
	t.Parallel()
	role := "arn:aws:iam::111111111111:role/admin"
	b := setup(t, func(p *sh.Params) { p.Items = items{arn: role} })
	b.putRule(t, acct, "r")
	evals := []rules.Evaluation{
		{ResourceType: "AWS::IAM::Role", ResourceID: "AROAEXAMPLE"},
		{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: "sg-0123"},
		{ResourceType: "AWS::::Account", ResourceID: acct.AccountID},
		{ResourceType: "AWS::CloudTrail::Trail", ResourceID: "arn:aws:cloudtrail:us-east-1:111111111111:trail/main"},
		{ResourceType: "AWS::EC2::FlowLog", ResourceID: "fl-1"},
	}
	for i := range evals {
		evals[i].ComplianceType, evals[i].OrderingTimestamp = rules.NonCompliant, start
	}
	require.NoError(t, b.rules.PutEvaluations(context.Background(), acct, rules.PutEvaluationsParams{ResultToken: "r", Evaluations: evals}))
	got := map[string]string{}
	for _, f := range b.all(t, acct) {
		got[f.Resources[0].Type+" "+f.Resources[0].ID] = f.ComplianceStatus()
	}
	require.Equal(t, map[string]string{
		"AwsIamRole " + role: sh.ComplianceFailed,
		"AwsEc2SecurityGroup arn:aws:ec2:us-east-1:111111111111:security-group/sg-0123": sh.ComplianceFailed,
		"Other AWS::::Account:111111111111":                                             sh.ComplianceFailed,
		"AwsCloudTrailTrail arn:aws:cloudtrail:us-east-1:111111111111:trail/main":       sh.ComplianceFailed,
		"Other arn:aws:ec2:us-east-1:111111111111:vpc-flow-log/fl-1":                    sh.ComplianceFailed,
	}, got)
}

func TestService_Reconcile(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.putRule(t, acct, "r")
	// Results recorded while no hook listened: as if the server died
	// between the evaluation's commit and the finding's.
	quiet := rules.New(rules.Params{Store: b.store, Clock: b.clock})
	for _, r := range []struct{ id, c string }{{"a", rules.NonCompliant}, {"b", rules.Compliant}, {"c", rules.NotApplicable}} {
		require.NoError(t, quiet.PutEvaluations(context.Background(), acct, rules.PutEvaluationsParams{ResultToken: "r",
			Evaluations: []rules.Evaluation{{ResourceType: "AWS::S3::Bucket", ResourceID: r.id, ComplianceType: r.c, OrderingTimestamp: start}}}))
	}
	n, err := b.hub.Reconcile(context.Background(), acct)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.Len(t, b.all(t, acct), 2)

	n, err = b.hub.Reconcile(context.Background(), acct)
	require.NoError(t, err)
	require.Zero(t, n, "findings in step are left alone")

	b.clock.Advance(time.Minute)
	require.NoError(t, quiet.PutEvaluations(context.Background(), acct, rules.PutEvaluationsParams{ResultToken: "r",
		Evaluations: []rules.Evaluation{{ResourceType: "AWS::S3::Bucket", ResourceID: "a", ComplianceType: rules.Compliant, OrderingTimestamp: b.clock.Now()}}}))
	n, err = b.hub.Reconcile(context.Background(), acct)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	page, err := b.hub.GetFindings(context.Background(), acct, sh.GetFindingsParams{Filters: sh.Filters{
		Strings: map[string][]sh.StringFilter{"ComplianceStatus": {{Value: sh.CompliancePassed, Comparison: sh.CompareEquals}}}}})
	require.NoError(t, err)
	require.Len(t, page.Findings, 2)
}

// The Config recorder is what the composer passes as Params.Items.
var _ sh.ItemReader = (*recorder.Service)(nil)
