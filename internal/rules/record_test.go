package rules_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// buckets returns n evaluations of buckets b0…b(n-1), all of compliance.
func buckets(n int, compliance string, at time.Time) []rules.Evaluation {
	out := make([]rules.Evaluation, n)
	for i := range out {
		out[i] = eval(fmt.Sprintf("b%d", i), compliance, at)
	}
	return out
}

// withRules is a bundle with rule r in acct and rule s in scopeOfS.
func withRules(t *testing.T, scopeOfS tenant.Scope) (*bundle, context.Context) {
	t.Helper()
	b := setup(t, 0)
	b.putRule(t, acct, "r")
	b.putRule(t, scopeOfS, "s")
	return b, context.Background()
}

func TestService_Record_HooksInTransaction(t *testing.T) {
	t.Parallel()
	b, ctx := withRules(t, other)

	var inTx, committed []rules.EvaluationChange
	var ran []string
	fail := false
	b.svc.OnEvaluationChangeTx(func(tx store.Tx, changes []rules.EvaluationChange) (func(context.Context), error) {
		// The results are visible to the hook in the transaction.
		c, err := rules.ResourceCompliance(tx, changes[0].Scope, changes[0].RuleName, changes[0].ResourceType, changes[0].ResourceID)
		require.NoError(t, err)
		require.Equal(t, changes[0].New, c)
		if err := tx.Put("hook", "mark", []byte("x")); err != nil {
			return nil, err
		}
		if fail {
			return nil, errors.New("hook failed")
		}
		inTx = append(inTx, changes...)
		return func(context.Context) { ran = append(ran, "after") }, nil
	})
	b.svc.OnEvaluationChange(func(_ context.Context, ch []rules.EvaluationChange) {
		ran = append(ran, "hook")
		committed = append(committed, ch...)
	})

	withARN := eval("a", rules.NonCompliant, start)
	withARN.ResourceARN = "arn:aws:s3:::a"
	skipped, err := b.svc.Record(ctx, []rules.Report{
		{Scope: acct, RuleName: "r", Evaluations: []rules.Evaluation{withARN}},
		{Scope: acct, RuleName: "gone", Evaluations: []rules.Evaluation{eval("a", rules.Compliant, start)}},
		{Scope: other, RuleName: "s", Evaluations: []rules.Evaluation{eval("z", rules.Compliant, start)}},
	}, func(tx store.Tx) error { return tx.Put("work", "done", []byte("1")) })
	require.NoError(t, err)
	require.Equal(t, 1, skipped, "the report of a rule that does not exist is skipped")
	require.Equal(t, []string{"after", "hook"}, ran, "after-commit work, then the post-commit hooks")
	require.Len(t, inTx, 2)
	require.Equal(t, committed, inTx)
	require.Equal(t, "arn:aws:s3:::a", inTx[0].ResourceARN)
	require.Equal(t, other, inTx[1].Scope)

	// A failing hook fails the whole recording: no result, no hook write,
	// no "also" write.
	fail, ran = true, nil
	_, err = b.svc.Record(ctx, []rules.Report{{Scope: acct, RuleName: "r", Evaluations: []rules.Evaluation{eval("new", rules.Compliant, start)}}},
		func(tx store.Tx) error { return tx.Put("work", "second", []byte("1")) })
	require.ErrorContains(t, err, "hook failed")
	require.Empty(t, ran)
	require.NoError(t, b.store.View(ctx, func(tx store.Tx) error {
		c, err := rules.ResourceCompliance(tx, acct, "r", "AWS::S3::Bucket", "new")
		require.NoError(t, err)
		require.Empty(t, c)
		_, err = tx.Get("work", "second")
		require.ErrorIs(t, err, store.ErrNotFound)
		_, err = tx.Get("work", "done")
		return err
	}))
}

func TestService_Record_ManyResults(t *testing.T) {
	t.Parallel()
	b, ctx := withRules(t, other)
	var got []rules.EvaluationChange
	b.svc.OnEvaluationChange(func(_ context.Context, ch []rules.EvaluationChange) { got = append(got, ch...) })
	record := func(evs []rules.Evaluation) {
		got = nil
		_, err := b.svc.Record(ctx, []rules.Report{{Scope: acct, RuleName: "r", Evaluations: evs}}, nil)
		require.NoError(t, err)
	}

	// First results (no stored one), then a re-evaluation of all of them
	// (read in one scan), then one of a few (read by key): every change
	// knows the compliance it replaces.
	record(buckets(300, rules.NonCompliant, start))
	require.Len(t, got, 300)
	require.Equal(t, "", got[299].Old)

	evs := buckets(300, rules.Compliant, start.Add(time.Minute))
	evs[7].ComplianceType = rules.NonCompliant
	evs[8].OrderingTimestamp = start.Add(-time.Hour) // older than stored: ignored
	record(evs)
	require.Len(t, got, 299)
	require.Equal(t, rules.EvaluationChange{Scope: acct, RuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: "b7",
		Old: rules.NonCompliant, New: rules.NonCompliant, At: start}, got[7])
	require.Equal(t, rules.NonCompliant, got[8].Old)
	require.Equal(t, rules.Compliant, got[8].New)
	require.Equal(t, "b9", got[8].ResourceID)

	record(buckets(70, rules.NonCompliant, start.Add(2*time.Minute)))
	require.Len(t, got, 70)
	require.Equal(t, rules.Compliant, got[0].Old)
	require.Equal(t, rules.NonCompliant, got[7].Old)
	require.Equal(t, rules.NonCompliant, got[8].Old, "b8 kept the result its older evaluation could not replace")

	require.NoError(t, b.store.View(ctx, func(tx store.Tx) error {
		non, err := rules.ResourcesByCompliance(tx, acct, "r", rules.NonCompliant)
		require.NoError(t, err)
		require.Len(t, non, 70, "b0…b69; b70…b299 stay COMPLIANT")
		return nil
	}))
}

func TestService_ByResourceIndex(t *testing.T) {
	t.Parallel()
	b, ctx := withRules(t, acct)
	annotated := eval("a", rules.NonCompliant, start)
	annotated.Annotation = "no CostCenter tag"
	b.put(t, acct, "r", annotated)
	b.put(t, acct, "s", eval("a", rules.Compliant, start))
	// A result indexed the way databases written before held it: the
	// whole result as JSON under the by-resource key.
	require.NoError(t, b.store.Update(ctx, func(tx store.Tx) error {
		return tx.Put(acct.Bucket("config-evaluation-by-resource"), store.Key("AWS::S3::Bucket", "legacy", "r"),
			[]byte(`{"ruleName":"r","resourceType":"AWS::S3::Bucket","resourceId":"legacy","complianceType":"NON_COMPLIANT"}`))
	}))

	page, err := b.svc.DetailsByResource(ctx, acct, rules.DetailsByResourceParams{ResourceType: "AWS::S3::Bucket", ResourceID: "a"})
	require.NoError(t, err)
	require.Len(t, page.Results, 2)
	require.Equal(t, "r", page.Results[0].RuleName)
	require.Equal(t, "no CostCenter tag", page.Results[0].Annotation, "details come from the result, not the index")
	require.Equal(t, start, page.Results[0].OrderingTimestamp)
	require.Equal(t, rules.Compliant, page.Results[1].ComplianceType)

	page, err = b.svc.DetailsByResource(ctx, acct, rules.DetailsByResourceParams{ResourceType: "AWS::S3::Bucket", ResourceID: "a",
		Types: []string{rules.Compliant}})
	require.NoError(t, err)
	require.Len(t, page.Results, 1)
	require.Equal(t, "s", page.Results[0].RuleName)

	all, err := b.svc.ComplianceByResource(ctx, acct, rules.ComplianceByResourceParams{ResourceType: "AWS::S3::Bucket"})
	require.NoError(t, err)
	require.Len(t, all.Items, 2)
	require.Equal(t, rules.ResourceRef{Type: "AWS::S3::Bucket", ID: "a"}, all.Items[0].Resource)
	require.Equal(t, rules.NonCompliant, all.Items[0].Compliance.Type)
	require.Equal(t, "legacy", all.Items[1].Resource.ID)
	require.Equal(t, rules.NonCompliant, all.Items[1].Compliance.Type)

	// A change of compliance moves the index; a confirmation leaves it.
	b.put(t, acct, "r", eval("a", rules.Compliant, start.Add(time.Minute)))
	one, err := b.svc.ComplianceByResource(ctx, acct, rules.ComplianceByResourceParams{ResourceType: "AWS::S3::Bucket", ResourceID: "a"})
	require.NoError(t, err)
	require.Equal(t, rules.Compliant, one.Items[0].Compliance.Type)
}
