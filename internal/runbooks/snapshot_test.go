package runbooks_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store"
)

func TestService_SnapshotOncePerVersionSurvivesDelete(t *testing.T) {
	t.Parallel()
	b := setup(t, sleepRunbook)
	first, stop := b.service(t, nil)
	var ids []string
	for range 3 {
		id, err := first.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
		require.NoError(t, err)
		ids = append(ids, id)
	}
	drain(t, first)
	var n int
	require.NoError(t, b.st.View(context.Background(), func(tx store.Tx) error {
		var err error
		n, err = tx.Count(store.ScanParams{Bucket: scope.Bucket("automation-runbooks")})
		return err
	}))
	require.Equal(t, 1, n, "one snapshot for three executions of one version")

	docs := documents.New(documents.Params{Store: b.st, Clock: b.clk})
	require.NoError(t, docs.Delete(context.Background(), documents.DeleteParams{Scope: scope, Name: "rb"}))
	stop()

	// A new process has no parsed runbook cached: it reads the snapshots.
	second, _ := b.service(t, nil)
	drain(t, second)
	b.clk.Advance(time.Hour)
	require.NoError(t, second.Tick(context.Background()))
	drain(t, second)
	for _, id := range ids {
		require.Equal(t, engine.StatusSuccess, status(t, second, id).Status, "the deleted runbook still runs")
	}
}

func TestService_TickWakesOnlyDueExecutions(t *testing.T) {
	t.Parallel()
	b := setup(t, sleepRunbook)
	svc, _ := b.service(t, nil)
	early, err := svc.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
	require.NoError(t, err)
	drain(t, svc)
	b.clk.Advance(30 * time.Minute)
	late, err := svc.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
	require.NoError(t, err)
	drain(t, svc)

	b.clk.Advance(30 * time.Minute)
	require.NoError(t, svc.Tick(context.Background()))
	drain(t, svc)
	require.Equal(t, engine.StatusSuccess, status(t, svc, early).Status)
	require.Equal(t, engine.StatusInProgress, status(t, svc, late).Status)

	b.clk.Advance(30 * time.Minute)
	require.NoError(t, svc.Tick(context.Background()))
	drain(t, svc)
	require.Equal(t, engine.StatusSuccess, status(t, svc, late).Status)
}

func TestService_RestartRecoversMoreThanOnePageOfWaits(t *testing.T) {
	t.Parallel()
	b := setup(t, sleepRunbook)
	first, stop := b.service(t, nil)
	const n = 1100 // more than two pages of the wake-up index
	for range n {
		_, err := first.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
		require.NoError(t, err)
	}
	drain(t, first)
	stop()

	second, _ := b.service(t, nil)
	drain(t, second)
	b.clk.Advance(time.Hour)
	require.NoError(t, second.Tick(context.Background()))
	drain(t, second)
	res, err := second.List(context.Background(), runbooks.ListParams{Scope: scope, Limit: 50,
		Filters: []runbooks.Filter{{Key: "ExecutionStatus", Values: []string{engine.StatusInProgress}}}})
	require.NoError(t, err)
	require.Empty(t, res.Executions, "every wait was found and woken")
}
