package runbooks_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/runbooks"
)

const targetRunbook = `schemaVersion: '0.3'
parameters:
  Item: {type: String}
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT1H}
`

// children lists the statuses of a parent's children in target order.
func children(t *testing.T, svc *runbooks.Service, parent *runbooks.Execution) []string {
	t.Helper()
	var out []string
	for _, r := range parent.Rate.Runs {
		if r.ID != "" {
			out = append(out, r.Target+"="+status(t, svc, r.ID).Status)
		}
	}
	return out
}

func TestService_RateControlSurvivesRestart(t *testing.T) {
	t.Parallel()
	b := setup(t, targetRunbook)
	first, stop := b.service(t, nil)
	id, err := first.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb",
		TargetParameterName: "Item", Targets: []runbooks.Target{{Key: "ParameterValues", Values: []string{"a", "b", "c"}}},
		MaxConcurrency: "1"})
	require.NoError(t, err)
	drain(t, first)
	parent := status(t, first, id)
	require.Equal(t, []string{"a=InProgress"}, children(t, first, parent))
	stop()

	// While Salve is down, the first child's sleep ends.
	b.clk.Advance(time.Hour)
	second, _ := b.service(t, nil)
	drain(t, second)
	parent = status(t, second, id)
	require.Equal(t, engine.StatusInProgress, parent.Status)
	require.Equal(t, []string{"a=Success", "b=InProgress"}, children(t, second, parent),
		"the recovered child finished and the parent went on with the next target")
	require.Equal(t, runbooks.Progress{Total: 3, Success: 1}, parent.Progress())

	for range 2 {
		b.clk.Advance(time.Hour)
		require.NoError(t, second.Tick(context.Background()))
		drain(t, second)
	}
	parent = status(t, second, id)
	require.Equal(t, engine.StatusSuccess, parent.Status)
	require.Equal(t, runbooks.Progress{Total: 3, Success: 3}, parent.Progress())
	require.Equal(t, t0.Add(3*time.Hour), parent.ExecutionEndTime)
}

func TestService_InteractiveSurvivesRestart(t *testing.T) {
	t.Parallel()
	b := setup(t, `schemaVersion: '0.3'
mainSteps:
  - name: One
    action: aws:sleep
    inputs: {Duration: PT0S}
  - name: Two
    action: aws:sleep
    inputs: {Duration: PT0S}
`)
	first, stop := b.service(t, nil)
	id, err := first.Start(context.Background(), runbooks.StartParams{Scope: scope, DocumentName: "rb",
		Mode: runbooks.ModeInteractive})
	require.NoError(t, err)
	drain(t, first)
	require.NoError(t, first.Signal(context.Background(), runbooks.SignalParams{Scope: scope, ID: id,
		Type: engine.SignalStartStep, Payload: map[string][]string{"StepName": {"One"}}}))
	drain(t, first)
	stop()

	second, _ := b.service(t, nil)
	drain(t, second)
	x := status(t, second, id)
	require.Equal(t, engine.StatusWaiting, x.Status, "still waits before Two after a restart")
	require.Equal(t, "Two", x.CurrentStepName)
	require.Len(t, x.StepExecutions, 1)
}
