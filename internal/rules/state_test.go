package rules

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

// Salve never leaves a rule outside ACTIVE, but records written by a later
// evaluator (EVALUATING) must already be refused the way AWS refuses them.
func TestService_RuleNotActive(t *testing.T) {
	t.Parallel()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	svc := New(Params{Store: st, Clock: clock.NewFake(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))})
	scope := tenant.Scope{AccountID: "111111111111", Region: "us-east-1"}
	ctx := context.Background()
	params := PutRuleParams{Rule: Rule{Name: "busy", Source: Source{Owner: OwnerAWS, SourceIdentifier: "REQUIRED_TAGS"}, InputParameters: `{"tag1Key":"CostCenter"}`}}
	require.NoError(t, svc.PutRule(ctx, scope, params))
	require.NoError(t, st.Update(ctx, func(tx store.Tx) error {
		r, err := GetRule(tx, scope, "busy")
		if err != nil {
			return err
		}
		r.State = StateEvaluating
		return putRule(tx, scope, r)
	}))

	require.True(t, awserr.Is(svc.PutRule(ctx, scope, params), awserr.ResourceInUseException))
	require.True(t, awserr.Is(svc.DeleteRule(ctx, scope, "busy"), awserr.ResourceInUseException))
	require.True(t, awserr.Is(svc.StartEvaluation(ctx, scope, []string{"busy"}), awserr.ResourceInUseException))
}

func TestService_PutRule_TagsOnlyAtCreation(t *testing.T) {
	t.Parallel()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	svc := New(Params{Store: st, Clock: clock.NewFake(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))})
	scope := tenant.Scope{AccountID: "111111111111", Region: "us-east-1"}
	ctx := context.Background()
	rule := Rule{Name: "tagged", Source: Source{Owner: OwnerAWS, SourceIdentifier: "REQUIRED_TAGS"}, InputParameters: `{"tag1Key":"CostCenter"}`}
	require.NoError(t, svc.PutRule(ctx, scope, PutRuleParams{Rule: rule, Tags: []Tag{{Key: "team", Value: "a"}}}))
	require.NoError(t, svc.PutRule(ctx, scope, PutRuleParams{Rule: rule, Tags: []Tag{{Key: "team", Value: "b"}}}))
	require.NoError(t, st.View(ctx, func(tx store.Tx) error {
		r, err := GetRule(tx, scope, "tagged")
		require.NoError(t, err)
		require.Equal(t, []Tag{{Key: "team", Value: "a"}}, r.Tags)
		return nil
	}))
}
