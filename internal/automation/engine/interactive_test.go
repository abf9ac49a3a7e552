package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
)

const interactiveRunbook = `schemaVersion: '0.3'
mainSteps:
  - name: One
    action: aws:sleep
    inputs: {Duration: PT0S}
  - name: Two
    action: aws:sleep
    inputs: {Duration: PT0S}
  - name: Three
    action: aws:sleep
    inputs: {Duration: PT0S}
`

// signal sends a signal and fails the test on an error.
func (b *bundle) signal(t *testing.T, typ string, steps ...string) error {
	t.Helper()
	var payload map[string][]string
	if len(steps) > 0 {
		payload = map[string][]string{"StepName": steps}
	}
	return b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: typ, Payload: payload})
}

func TestEngine_Advance_InteractiveWaitsBeforeEachStep(t *testing.T) {
	t.Parallel()
	b := setup(t, interactiveRunbook, "YAML", nil, nil)
	b.x.Interactive = true
	require.Equal(t, engine.WaitSignal, b.advance(t).Kind)
	require.Equal(t, engine.StatusWaiting, b.x.Status)
	require.Equal(t, "One", b.x.CurrentStepName)
	require.Empty(t, b.x.StepExecutions)
	require.Len(t, b.saved, 1, "the wait is saved")

	require.Equal(t, engine.WaitSignal, b.advance(t).Kind, "no signal: still waiting")
	require.Len(t, b.saved, 1, "nothing changed, nothing saved")

	require.NoError(t, b.signal(t, engine.SignalResume))
	require.Equal(t, engine.WaitSignal, b.advance(t).Kind)
	require.Equal(t, []string{"One:Success"}, trace(b.x))
	require.Equal(t, "Two", b.x.CurrentStepName, "waits before the flow's next step")

	require.NoError(t, b.signal(t, engine.SignalStartStep, "One"), "a step may run again")
	require.Equal(t, engine.WaitSignal, b.advance(t).Kind)
	require.Equal(t, "Two", b.x.CurrentStepName, "the flow goes on from the step that ran")
	require.NoError(t, b.signal(t, engine.SignalStartStep, "Three"), "a step may be skipped")
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, engine.StatusSuccess, b.x.Status)
	require.Equal(t, []string{"One:Success", "One:Success", "Three:Success"}, trace(b.x))
}

func TestEngine_Signal_InteractiveErrors(t *testing.T) {
	t.Parallel()
	b := setup(t, interactiveRunbook, "YAML", nil, nil)
	require.ErrorIs(t, b.signal(t, engine.SignalStartStep, "One"), engine.ErrInvalidSignal, "Auto mode")

	b.x.Interactive = true
	require.ErrorContains(t, b.signal(t, engine.SignalStartStep, "One"), "starting")
	b.advance(t)
	require.ErrorContains(t, b.signal(t, engine.SignalStartStep), "exactly one")
	require.ErrorIs(t, b.signal(t, engine.SignalStartStep, "Nope"), engine.ErrStepNotFound)
	require.ErrorContains(t, b.signal(t, engine.SignalResume, "Two"), "waits before step One")
	require.NoError(t, b.signal(t, engine.SignalResume, "One"))
	require.NoError(t, b.signal(t, engine.SignalStartStep, "Two"), "until the step starts, StartStep may redirect")
	b.advance(t)
	require.Equal(t, []string{"Two:Success"}, trace(b.x))
	require.NoError(t, b.eng.Cancel(b.x, b.doc))
	require.ErrorIs(t, b.signal(t, engine.SignalStartStep, "Two"), engine.ErrFinished)
}
