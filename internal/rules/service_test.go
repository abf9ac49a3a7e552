package rules_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	acct  = tenant.Scope{AccountID: "111111111111", Region: "us-east-1"}
	other = tenant.Scope{AccountID: "222222222222", Region: "us-east-1"}
)

type bundle struct {
	svc   *rules.Service
	store store.Store
	clock *clock.Fake
}

func setup(t *testing.T, maxRules int) *bundle {
	t.Helper()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	fake := clock.NewFake(start)
	return &bundle{svc: rules.New(rules.Params{Store: st, Clock: fake, MaxRules: maxRules}), store: st, clock: fake}
}

func managedRule(name string) rules.PutRuleParams {
	return rules.PutRuleParams{Rule: rules.Rule{Name: name, Source: rules.Source{Owner: rules.OwnerAWS, SourceIdentifier: "REQUIRED_TAGS"},
		InputParameters: `{"tag1Key":"CostCenter"}`}}
}

func (b *bundle) putRule(t *testing.T, scope tenant.Scope, name string) *rules.Rule {
	t.Helper()
	require.NoError(t, b.svc.PutRule(context.Background(), scope, managedRule(name)))
	var r *rules.Rule
	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		var err error
		r, err = rules.GetRule(tx, scope, name)
		return err
	}))
	return r
}

func (b *bundle) put(t *testing.T, scope tenant.Scope, token string, evals ...rules.Evaluation) {
	t.Helper()
	require.NoError(t, b.svc.PutEvaluations(context.Background(), scope, rules.PutEvaluationsParams{ResultToken: token, Evaluations: evals}))
}

func eval(id, compliance string, at time.Time) rules.Evaluation {
	return rules.Evaluation{ResourceType: "AWS::S3::Bucket", ResourceID: id, ComplianceType: compliance, OrderingTimestamp: at}
}

func TestService_PutRule_Limit(t *testing.T) {
	t.Parallel()
	b := setup(t, 2)
	ctx := context.Background()
	b.putRule(t, acct, "one")
	b.putRule(t, acct, "two")

	err := b.svc.PutRule(ctx, acct, managedRule("three"))
	require.True(t, awserr.Is(err, awserr.MaxNumberOfConfigRulesExceededException), "got %v", err)
	require.Contains(t, err.Error(), "maximum number of config rules: 2")

	require.NoError(t, b.svc.PutRule(ctx, acct, managedRule("two")), "updating at the limit is allowed")
	require.NoError(t, b.svc.PutRule(ctx, other, managedRule("three")), "the limit is per account")
}

func TestService_PutRule_RuleIDAndARN(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	r := b.putRule(t, acct, "ids")
	require.Regexp(t, `^config-rule-[a-z0-9]{6}$`, r.ID)
	require.Equal(t, "arn:aws:config:us-east-1:111111111111:config-rule/"+r.ID, r.ARN)
	require.Equal(t, rules.StateActive, r.State)
	require.Equal(t, []string{rules.ModeDetective}, r.EvaluationModes)
}

func TestGetRule_Missing(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	err := b.store.View(context.Background(), func(tx store.Tx) error {
		_, err := rules.GetRule(tx, acct, "nope")
		return err
	})
	require.True(t, awserr.Is(err, awserr.NoSuchConfigRuleException))
	require.Contains(t, err.Error(), "nope")
}

func TestResourceHelpers(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	b.putRule(t, acct, "r")
	b.put(t, acct, "r", eval("a", rules.NonCompliant, start), eval("b", rules.Compliant, start), eval("c", rules.NonCompliant, start))

	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		got, err := rules.ResourceCompliance(tx, acct, "r", "AWS::S3::Bucket", "a")
		require.NoError(t, err)
		require.Equal(t, rules.NonCompliant, got)
		got, err = rules.ResourceCompliance(tx, acct, "r", "AWS::S3::Bucket", "never")
		require.NoError(t, err)
		require.Empty(t, got)
		got, err = rules.ResourceCompliance(tx, other, "r", "AWS::S3::Bucket", "a")
		require.NoError(t, err)
		require.Empty(t, got, "another account sees nothing")

		refs, err := rules.ResourcesByCompliance(tx, acct, "r", rules.NonCompliant)
		require.NoError(t, err)
		require.Equal(t, []rules.ResourceRef{{Type: "AWS::S3::Bucket", ID: "a"}, {Type: "AWS::S3::Bucket", ID: "c"}}, refs)
		return nil
	}))
}

func TestResolveResultToken(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	r := b.putRule(t, acct, "tok")
	b.putRule(t, other, "tok")

	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		for _, token := range []string{"tok", r.ARN} {
			inv, err := rules.ResolveResultToken(tx, acct, token)
			require.NoError(t, err)
			require.Equal(t, "tok", inv.RuleName)
		}
		for _, token := range []string{"", "missing", r.ARN + "x", "arn:aws:config:us-east-1:222222222222:config-rule/" + r.ID} {
			_, err := rules.ResolveResultToken(tx, acct, token)
			require.True(t, awserr.Is(err, awserr.InvalidResultTokenException), "token %q: %v", token, err)
		}
		return nil
	}))
}

func TestService_OnEvaluationChange(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	var got [][]rules.EvaluationChange
	b.svc.OnEvaluationChange(func(_ context.Context, ch []rules.EvaluationChange) { got = append(got, ch) })
	b.putRule(t, acct, "r")

	b.put(t, acct, "r", eval("a", rules.NonCompliant, start))
	b.put(t, acct, "r", eval("a", rules.NonCompliant, start.Add(time.Second))) // confirmed
	b.put(t, acct, "r", eval("a", rules.Compliant, start.Add(2*time.Second)))
	b.put(t, acct, "r", eval("a", rules.NonCompliant, start.Add(-time.Hour))) // older: ignored
	require.NoError(t, b.svc.PutEvaluations(context.Background(), acct, rules.PutEvaluationsParams{
		ResultToken: "r", TestMode: true, Evaluations: []rules.Evaluation{eval("a", rules.NonCompliant, start.Add(time.Hour))},
	}))

	change := func(old, new string) []rules.EvaluationChange {
		return []rules.EvaluationChange{{Scope: acct, RuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: "a", Old: old, New: new, At: start}}
	}
	require.Equal(t, [][]rules.EvaluationChange{change("", rules.NonCompliant),
		change(rules.NonCompliant, rules.NonCompliant), change(rules.NonCompliant, rules.Compliant)}, got)
	require.True(t, got[0][0].Changed())
	require.False(t, got[1][0].Changed(), "a re-evaluation that confirms NON_COMPLIANT is reported, unchanged")
}

func TestService_PutEvaluations_NewestInBatchWins(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	b.putRule(t, acct, "r")
	b.put(t, acct, "r",
		eval("a", rules.Compliant, start.Add(time.Minute)),
		eval("a", rules.NonCompliant, start),
		eval("b", rules.NonCompliant, start),
		eval("b", rules.Compliant, start))

	require.NoError(t, b.store.View(context.Background(), func(tx store.Tx) error {
		a, _ := rules.ResourceCompliance(tx, acct, "r", "AWS::S3::Bucket", "a")
		bb, _ := rules.ResourceCompliance(tx, acct, "r", "AWS::S3::Bucket", "b")
		require.Equal(t, rules.Compliant, a, "the newer ordering timestamp wins")
		require.Equal(t, rules.Compliant, bb, "on a tie the later evaluation wins")
		return nil
	}))
}

func TestService_DeleteRule_Guard(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	ctx := context.Background()
	inUse := awserr.New(awserr.ResourceInUseException, "remediation attached")
	var sawRule bool
	b.svc.AddDeleteGuard(func(tx store.Tx, scope tenant.Scope, name string) error {
		_, err := rules.GetRule(tx, scope, name)
		sawRule = err == nil
		if name == "guarded" {
			return inUse
		}
		return nil
	})
	b.putRule(t, acct, "guarded")
	b.put(t, acct, "guarded", eval("a", rules.NonCompliant, start))

	require.True(t, errors.Is(b.svc.DeleteRule(ctx, acct, "guarded"), inUse))
	require.True(t, sawRule, "the guard runs before anything is deleted")
	require.NoError(t, b.store.View(ctx, func(tx store.Tx) error {
		got, err := rules.ResourceCompliance(tx, acct, "guarded", "AWS::S3::Bucket", "a")
		require.Equal(t, rules.NonCompliant, got, "a vetoed delete keeps the results")
		return err
	}))

	b.putRule(t, acct, "free")
	require.NoError(t, b.svc.DeleteRule(ctx, acct, "free"))
	err := b.svc.DeleteRule(ctx, acct, "free")
	require.True(t, awserr.Is(err, awserr.NoSuchConfigRuleException))
}

func TestService_ComplianceByResource_PagingAwkwardIDs(t *testing.T) {
	t.Parallel()
	b := setup(t, 0)
	ctx := context.Background()
	b.putRule(t, acct, "r1")
	b.putRule(t, acct, "r2")
	ids := []string{"a", "a/b", "a%", "a!", "a0", "a/", "arn:aws:iam::1:role/x"}
	var evals []rules.Evaluation
	for _, id := range ids {
		evals = append(evals, eval(id, rules.NonCompliant, start))
	}
	b.put(t, acct, "r1", evals...)
	b.put(t, acct, "r2", evals...)

	seen := map[string]int{}
	token := ""
	for {
		page, err := b.svc.ComplianceByResource(ctx, acct, rules.ComplianceByResourceParams{Limit: 2, NextToken: token})
		require.NoError(t, err)
		for _, it := range page.Items {
			seen[it.Resource.ID]++
			require.Equal(t, 2, it.Compliance.Contributors.CappedCount, "both rules count for %q", it.Resource.ID)
		}
		if page.NextToken == "" {
			break
		}
		token = page.NextToken
	}
	require.Len(t, seen, len(ids))
	for _, id := range ids {
		require.Equal(t, 1, seen[id], "resource %q once", id)
	}
}
