package runbooks_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	t0    = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	scope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}
)

// bundle is a store and clock shared by the Services of one test, so a
// test can "restart" by starting a new Service over them.
type bundle struct {
	st  store.Store
	clk *clock.Fake
}

// setup stores the runbook "rb" with content.
func setup(t *testing.T, content string) *bundle {
	t.Helper()
	b := &bundle{st: memstore.New(), clk: clock.NewFake(t0)}
	docs := documents.New(documents.Params{Store: b.st, Clock: b.clk})
	_, err := docs.Create(context.Background(), documents.CreateParams{Scope: scope, Name: "rb", Content: content,
		DocumentType: "Automation", Format: "YAML"})
	require.NoError(t, err)
	return b
}

// service starts a Service with caller and runs it until the returned
// stop is called (or the test ends).
func (b *bundle) service(t *testing.T, caller engine.AWSCaller) (*runbooks.Service, func()) {
	t.Helper()
	svc := runbooks.New(runbooks.Params{Store: b.st, Clock: b.clk, Caller: caller})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cancel()
			require.NoError(t, <-done)
		}
	}
	t.Cleanup(stop)
	return svc, stop
}

// drain waits for svc to be idle.
func drain(t *testing.T, svc *runbooks.Service) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, svc.Drain(ctx))
}

// status reads an execution's status.
func status(t *testing.T, svc *runbooks.Service, id string) *runbooks.Execution {
	t.Helper()
	x, err := svc.Get(context.Background(), scope, id)
	require.NoError(t, err)
	return x
}

const sleepRunbook = `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT1H}
`

func TestService_RestartKeepsWaitDeadline(t *testing.T) {
	t.Parallel()
	b := setup(t, sleepRunbook)
	first, stop := b.service(t, nil)
	id, err := first.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
	require.NoError(t, err)
	drain(t, first)
	require.Equal(t, engine.StatusInProgress, status(t, first, id).Status)
	stop()

	second, _ := b.service(t, nil)
	drain(t, second)
	b.clk.Advance(30 * time.Minute)
	require.NoError(t, second.Tick(context.Background()))
	drain(t, second)
	require.Equal(t, engine.StatusInProgress, status(t, second, id).Status, "the sleep keeps its deadline")

	b.clk.Advance(30 * time.Minute)
	require.NoError(t, second.Tick(context.Background()))
	drain(t, second)
	x := status(t, second, id)
	require.Equal(t, engine.StatusSuccess, x.Status)
	require.Equal(t, t0.Add(time.Hour), x.ExecutionEndTime)
}

// blockingCaller blocks every call until its context ends, reporting the
// call on started.
type blockingCaller struct{ started chan struct{} }

// Call implements engine.AWSCaller.
func (c blockingCaller) Call(ctx context.Context, _ engine.CallRequest) (map[string]any, error) {
	c.started <- struct{}{}
	<-ctx.Done()
	return nil, ctx.Err()
}

// okCaller answers every call with an empty response.
var okCaller = engine.CallerFunc(func(context.Context, engine.CallRequest) (map[string]any, error) {
	return map[string]any{}, nil
})

func TestService_RestartInterruptsCall(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		maxAttempts int
		want        string
		attempts    int
	}{
		"Retried": {maxAttempts: 2, want: engine.StatusSuccess, attempts: 2},
		"Failed":  {maxAttempts: 1, want: engine.StatusFailed, attempts: 1},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, `schemaVersion: '0.3'
mainSteps:
  - name: Call
    action: aws:executeAwsApi
    maxAttempts: `+string(rune('0'+tc.maxAttempts))+`
    inputs: {Service: ec2, Api: DescribeInstances}
`)
			caller := blockingCaller{started: make(chan struct{}, 1)}
			first, stop := b.service(t, caller)
			id, err := first.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
			require.NoError(t, err)
			<-caller.started
			stop()
			require.Equal(t, engine.StatusInProgress, status(t, first, id).Status, "left as last saved")

			second, _ := b.service(t, okCaller)
			drain(t, second)
			x := status(t, second, id)
			require.Equal(t, tc.want, x.Status)
			require.Len(t, x.StepExecutions, 1)
			require.Equal(t, tc.attempts, x.StepExecutions[0].Attempt)
			if tc.want == engine.StatusFailed {
				require.Contains(t, x.StepExecutions[0].FailureMessage, "Salve process stopped")
			}
		})
	}
}

func TestService_ActiveIndexEmptiesWhenDone(t *testing.T) {
	t.Parallel()
	b := setup(t, sleepRunbook)
	svc, _ := b.service(t, nil)
	_, err := svc.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb"})
	require.NoError(t, err)
	drain(t, svc)
	count := func() int {
		var n int
		require.NoError(t, b.st.View(context.Background(), func(tx store.Tx) error {
			var err error
			n, err = tx.Count(store.ScanParams{Bucket: "automation-wakeups"})
			return err
		}))
		return n
	}
	require.Equal(t, 1, count())
	b.clk.Advance(time.Hour)
	require.NoError(t, svc.Tick(context.Background()))
	drain(t, svc)
	require.Equal(t, 0, count(), "finished executions leave the wake-up index")
}
