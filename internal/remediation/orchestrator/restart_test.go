package orchestrator_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/server"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// boot starts a Salve server over st (as `salve serve` would after a
// restart; the test ticks the orchestrator itself) and returns it with a
// stop that ends its background services and listener, leaving the store
// open.
func boot(t *testing.T, st store.Store, clk *clock.Fake) (*salvetest.Env, func()) {
	t.Helper()
	s, err := server.New(server.Params{Store: st, Clock: clk, RemediationTick: time.Hour})
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Runbooks.Run(ctx) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		require.NoError(t, <-done)
		ts.Close()
	}
	t.Cleanup(stop)
	env := &salvetest.Env{URL: ts.URL, Clock: clk, Store: st, Salve: s}
	env.Config, env.SSM, env.STS = env.Clients("AKIDSALVETEST", "secret", "us-east-1")
	return env, stop
}

// automationRuns counts the Automation executions of the remediation runbook.
func automationRuns(t *testing.T, env *salvetest.Env) int {
	t.Helper()
	n := 0
	p := ssm.NewDescribeAutomationExecutionsPaginator(env.SSM, &ssm.DescribeAutomationExecutionsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		n += len(out.AutomationExecutionMetadataList)
	}
	return n
}

// TestOrchestrator_RestartRecovery stops the server with one remediation
// SUCCEEDED, one IN_PROGRESS and one QUEUED, starts a new one over the same
// SQLite file, and checks that the running and queued ones finish, nothing
// stays IN_PROGRESS, and the finished one is not run again.
func TestOrchestrator_RestartRecovery(t *testing.T) {
	t.Parallel()
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	clk := clock.NewFake(salvetest.Start)

	first, stop := boot(t, st, clk)
	seed(t, first, sleeper)
	putConfig(t, first, config(true, nil)) // 10 %: one execution at a time
	evaluate(t, first, types.ComplianceTypeNonCompliant, "done")
	first.Remediate(t)
	clk.Advance(time.Minute)
	require.NoError(t, first.Salve.Runbooks.Tick(context.Background()))
	first.Remediate(t)
	require.Equal(t, types.RemediationExecutionStateSucceeded, statuses(t, first, "done")["done"])
	doneAt := *status(t, first, "done")[0].InvocationTime

	evaluate(t, first, types.ComplianceTypeNonCompliant, "x", "y")
	first.Remediate(t)
	got := statuses(t, first, "x", "y")
	require.Equal(t, 1, count(got, types.RemediationExecutionStateInProgress), "%v", got)
	require.Equal(t, 1, count(got, types.RemediationExecutionStateQueued), "%v", got)
	stop()

	second, _ := boot(t, st, clk)
	require.Equal(t, got, statuses(t, second, "x", "y"), "nothing lost across the restart")
	for range 3 {
		clk.Advance(time.Minute)
		require.NoError(t, second.Salve.Runbooks.Tick(context.Background()))
		second.Remediate(t)
	}
	all := statuses(t, second, "done", "x", "y")
	require.Equal(t, 3, count(all, types.RemediationExecutionStateSucceeded), "nothing stuck IN_PROGRESS: %v", all)
	require.Equal(t, doneAt, *status(t, second, "done")[0].InvocationTime, "the finished remediation was not run again")
	require.Equal(t, 3, automationRuns(t, second), "one Automation execution per remediation")
}
