package runbooks_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// benchStarters is how many goroutines call Start at once, as 16
// concurrent API clients would.
const benchStarters = 16

// oneStepRunbook finishes at once with no external call.
const oneStepRunbook = `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT0S}
`

// fiveStepBranchRunbook runs all five steps, two of them aws:branch, with
// no external call: Set → Check → Double → Recheck → Done.
const fiveStepBranchRunbook = `schemaVersion: '0.3'
parameters:
  Mode: {type: String, default: fast}
variables:
  Counter: {type: Integer, default: 0}
mainSteps:
  - name: Set
    action: aws:updateVariable
    inputs: {Name: 'variable:Counter', Value: 1}
  - name: Check
    action: aws:branch
    inputs:
      Choices:
        - {NextStep: Double, Variable: '{{ variable:Counter }}', NumericEquals: 1}
        - {NextStep: Done, Variable: '{{ Mode }}', StringEquals: slow}
      Default: Done
  - name: Double
    action: aws:updateVariable
    inputs: {Name: 'variable:Counter', Value: 2}
  - name: Recheck
    action: aws:branch
    inputs:
      Choices:
        - And:
            - {Variable: '{{ variable:Counter }}', NumericEquals: 2}
            - Not: {Variable: '{{ Mode }}', StringEquals: slow}
          NextStep: Done
      Default: Set
  - name: Done
    action: aws:sleep
    inputs: {Duration: PT0S}
    isEnd: true
`

// BenchmarkStartOneStep measures one-step executions end to end (Start,
// run, every step persisted to SQLite, Success) with benchStarters
// concurrent starters over the real store, engine and actions.
func BenchmarkStartOneStep(b *testing.B) {
	benchWorkers(b, oneStepRunbook, 1)
}

// BenchmarkStartFiveStepBranch is BenchmarkStartOneStep for a five-step
// runbook with two aws:branch steps.
func BenchmarkStartFiveStepBranch(b *testing.B) {
	benchWorkers(b, fiveStepBranchRunbook, 5)
}

// benchWorkers runs benchStart with the default number of workers and
// with more: every step is several sequential commits, so a worker spends
// most of an execution waiting for fsync, and the worker count bounds
// throughput.
func benchWorkers(b *testing.B, content string, steps int) {
	for _, workers := range []int{runbooks.DefaultWorkers, 32} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			benchStart(b, content, steps, workers)
		})
	}
}

// benchStart starts b.N executions of content from benchStarters
// goroutines, waits with Drain until all are finished, reports
// executions/s and checks that every execution ran steps steps to Success.
func benchStart(b *testing.B, content string, steps, workers int) {
	svc := benchService(b, content, workers)
	ids := make([]string, b.N)
	var next atomic.Int64
	cpu0 := processCPU(b)
	b.ResetTimer()
	var wg sync.WaitGroup
	for range benchStarters {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < b.N; i = int(next.Add(1)) - 1 {
				id, err := svc.Start(b.Context(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
				if err != nil {
					b.Error(err)
					return
				}
				ids[i] = id
			}
		})
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(b.Context(), 10*time.Minute)
	defer cancel()
	require.NoError(b, svc.Drain(ctx))
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "executions/s")
	b.ReportMetric(float64((processCPU(b)-cpu0).Microseconds())/float64(b.N), "cpu-µs/exec")
	b.ReportMetric(float64(b.N*steps)/b.Elapsed().Seconds(), "steps/s")
	for _, id := range ids {
		x, err := svc.Get(b.Context(), scope, id)
		require.NoError(b, err)
		require.Equal(b, engine.StatusSuccess, x.Status, "execution %s: %s", id, x.FailureMessage)
		require.Len(b, x.StepExecutions, steps)
	}
}

// benchService runs a Service over a fresh SQLite store in a temp dir
// holding the runbook "rb", with workers workers, until the benchmark
// ends.
func benchService(b *testing.B, content string, workers int) *runbooks.Service {
	b.Helper()
	st, err := sqlite.Open(b.Context(), sqlite.OpenParams{Path: filepath.Join(b.TempDir(), "salve.db")})
	require.NoError(b, err)
	b.Cleanup(func() { _ = st.Close() })
	clk := clock.Real{}
	docs := documents.New(documents.Params{Store: st, Clock: clk})
	_, err = docs.Create(b.Context(), documents.CreateParams{Scope: scope, Name: "rb", Content: content,
		DocumentType: "Automation", Format: "YAML"})
	require.NoError(b, err)
	svc := runbooks.New(runbooks.Params{Store: st, Clock: clk, Workers: workers})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	b.Cleanup(func() {
		cancel()
		require.NoError(b, <-done)
	})
	return svc
}

// processCPU is the CPU time (user + system) this process has used: per
// execution it measures the cost of an execution even when other
// processes share the machine's cores.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	require.NoError(b, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
