package securityhub_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/securityhub"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	acct  = tenant.Scope{AccountID: "111111111111", Region: "us-east-1"}
	other = tenant.Scope{AccountID: "222222222222", Region: "us-east-1"}
)

// bundle is a Security Hub wired to Config rules on one in-memory store.
type bundle struct {
	hub   *securityhub.Service
	rules *rules.Service
	store store.Store
	clock *clock.Fake
}

func setup(t *testing.T, opts ...func(*securityhub.Params)) *bundle {
	t.Helper()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	fake := clock.NewFake(start)
	p := securityhub.Params{Store: st, Clock: fake}
	for _, o := range opts {
		o(&p)
	}
	b := &bundle{hub: securityhub.New(p), rules: rules.New(rules.Params{Store: st, Clock: fake}), store: st, clock: fake}
	b.rules.OnEvaluationChangeTx(b.hub.OnEvaluationChange)
	b.rules.OnRuleEvent(b.hub.RuleHook, nil)
	return b
}

// putRule creates a managed rule and returns it.
func (b *bundle) putRule(t *testing.T, scope tenant.Scope, name string) *rules.Rule {
	t.Helper()
	require.NoError(t, b.rules.PutRule(context.Background(), scope, rules.PutRuleParams{Rule: rules.Rule{Name: name,
		Source: rules.Source{Owner: rules.OwnerAWS, SourceIdentifier: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"}}}))
	var r *rules.Rule
	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		var err error
		r, err = rules.GetRule(tx, scope, name)
		return err
	}))
	return r
}

// evaluate records a rule's result for a bucket, a second after the last.
func (b *bundle) evaluate(t *testing.T, scope tenant.Scope, rule, bucket, compliance string) {
	t.Helper()
	b.clock.Advance(time.Second)
	require.NoError(t, b.rules.PutEvaluations(context.Background(), scope, rules.PutEvaluationsParams{ResultToken: rule,
		Evaluations: []rules.Evaluation{{ResourceType: "AWS::S3::Bucket", ResourceID: bucket,
			ComplianceType: compliance, OrderingTimestamp: b.clock.Now()}}}))
}

// all returns every finding of a scope.
func (b *bundle) all(t *testing.T, scope tenant.Scope) []securityhub.Finding {
	t.Helper()
	page, err := b.hub.GetFindings(context.Background(), scope, securityhub.GetFindingsParams{})
	require.NoError(t, err)
	return page.Findings
}

// only returns the one finding of a scope.
func (b *bundle) only(t *testing.T, scope tenant.Scope) securityhub.Finding {
	t.Helper()
	fs := b.all(t, scope)
	require.Len(t, fs, 1)
	return fs[0]
}

// setWorkflow is a customer's BatchUpdateFindings of the workflow status.
func (b *bundle) setWorkflow(t *testing.T, scope tenant.Scope, f securityhub.Finding, status string) {
	t.Helper()
	res, err := b.hub.BatchUpdateFindings(context.Background(), scope, securityhub.UpdateParams{
		Identifiers: []securityhub.Identifier{f.Identifier()}, Workflow: status})
	require.NoError(t, err)
	require.Len(t, res.Processed, 1)
}

func ptr[T any](v T) *T { return &v }

// custom returns a valid finding of the account's own product.
func custom(scope tenant.Scope, id string) securityhub.Finding {
	return securityhub.Finding{
		SchemaVersion: securityhub.SchemaVersion, ID: id, ProductArn: securityhub.DefaultProductArn(scope),
		GeneratorID: "my-scanner", AwsAccountID: scope.AccountID, Types: []string{"Software and Configuration Checks/Vulnerabilities/CVE"},
		CreatedAt: "2026-11-01T10:00:00Z", UpdatedAt: "2026-11-01T10:00:00Z",
		Severity: &securityhub.Severity{Label: securityhub.SeverityHigh}, Title: "Title " + id, Description: "Description of " + id,
		Resources: []securityhub.Resource{{Type: "AwsS3Bucket", ID: "arn:aws:s3:::bucket-" + id}},
	}
}

// importAll imports findings and requires every one to succeed.
func (b *bundle) importAll(t *testing.T, scope tenant.Scope, fs ...securityhub.Finding) {
	t.Helper()
	res, err := b.hub.BatchImportFindings(context.Background(), scope, fs)
	require.NoError(t, err)
	require.Empty(t, res.Failed)
	require.Equal(t, len(fs), res.SuccessCount)
}
