package engine_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/action"
	"github.com/salvehq/salve/internal/automation/engine"
)

// sleepStep is a YAML aws:sleep step.
func sleepStep(name, duration string, extra ...string) string {
	s := "  - name: " + name + "\n    action: aws:sleep\n    inputs: {Duration: " + duration + "}\n"
	for _, e := range extra {
		s += "    " + e + "\n"
	}
	return s
}

func TestEngine_Advance_Sleep(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(sleepStep("Nap", "PT10M"), api("After", "A1")), "YAML", nil, nil)
	out := b.advance(t)
	require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(10 * time.Minute)}, out)
	require.Equal(t, engine.StatusInProgress, b.x.Status)
	require.Equal(t, engine.StatusInProgress, step(t, b.x, "Nap").Status)

	b.clk.Advance(5 * time.Minute)
	require.Equal(t, engine.WaitUntil, b.advance(t).Kind)
	require.Empty(t, b.caller.apis())

	b.clk.Advance(5 * time.Minute)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, []string{"Nap:Success", "After:Success"}, trace(b.x))
	require.Equal(t, engine.StatusSuccess, b.x.Status)
}

func TestEngine_Advance_SleepTimesOut(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(sleepStep("Nap", "PT10M", "timeoutSeconds: 60"), api("After", "A1")), "YAML", nil, nil)
	out := b.advance(t)
	require.Equal(t, t0.Add(time.Minute), out.Until, "the timeout comes before the end of the sleep")
	b.clk.Advance(time.Minute)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, []string{"Nap:TimedOut"}, trace(b.x))
	require.Equal(t, engine.StatusTimedOut, b.x.Status)
	require.Contains(t, b.x.FailureMessage, "timed out after 60 seconds")
}

func TestEngine_Advance_TimeoutWithJumpIsNotFatal(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(sleepStep("Nap", "PT10M", "timeoutSeconds: 60", "onFailure: step:After", "isCritical: false"),
		api("Skipped", "S1"), api("After", "A1")), "YAML", nil, nil)
	b.advance(t)
	b.clk.Advance(time.Minute)
	b.advance(t)
	require.Equal(t, []string{"Nap:TimedOut", "After:Success"}, trace(b.x))
	require.Equal(t, engine.StatusSuccess, b.x.Status)
}

func TestEngine_Advance_SleepBadDuration(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(sleepStep("Nap", "PT604800S")), "YAML", nil, nil)
	b.advance(t)
	se := step(t, b.x, "Nap")
	require.Equal(t, engine.StatusFailed, se.Status)
	require.Contains(t, se.FailureMessage, "longer than 604799 seconds")
	require.Equal(t, engine.StageInputValidation, se.FailureDetails.FailureStage)
}

// approveDoc waits for one approval, then calls A1.
const approveDoc = "schemaVersion: '0.3'\nmainSteps:\n" +
	"  - name: Approve\n    action: aws:approve\n    inputs: {Approvers: ['arn:aws:iam::123456789012:role/Boss'], Message: 'ok?'}\n" +
	"  - name: After\n    action: aws:executeAwsApi\n    inputs: {Service: ec2, Api: A1}\n"

func TestEngine_Signal_Approve(t *testing.T) {
	t.Parallel()
	b := setup(t, approveDoc, "YAML", nil, nil)
	out := b.advance(t)
	require.Equal(t, engine.Outcome{Kind: engine.WaitSignal, Until: t0.Add(action.DefaultApprovalTimeout)}, out)
	require.Equal(t, engine.StatusWaiting, b.x.Status)
	require.Equal(t, []string{engine.SignalApprove, engine.SignalReject}, b.x.AwaitedSignals)

	err := b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: engine.SignalResume})
	require.ErrorIs(t, err, engine.ErrInvalidSignal)
	require.ErrorContains(t, err, "not waiting for a Resume signal; it accepts Approve, Reject")

	require.NoError(t, b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: engine.SignalApprove,
		Sender: "arn:aws:iam::123456789012:role/Boss", Payload: map[string][]string{"Comment": {"go"}}}))
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, []string{"Approve:Success", "After:Success"}, trace(b.x))
	se := step(t, b.x, "Approve")
	require.Equal(t, []string{"Approved"}, se.Outputs["ApprovalStatus"])
	require.Len(t, se.TypedOutputs["ApproverDecisions"], 1)
}

func TestEngine_Signal_Reject(t *testing.T) {
	t.Parallel()
	b := setup(t, approveDoc, "YAML", nil, nil)
	b.advance(t)
	require.NoError(t, b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: engine.SignalReject, Sender: "bob",
		Payload: map[string][]string{"Comment": {"too risky"}}}))
	b.advance(t)
	require.Equal(t, []string{"Approve:Failed"}, trace(b.x))
	require.Equal(t, engine.StatusFailed, b.x.Status)
	require.Contains(t, b.x.FailureMessage, "rejected by bob. Comment: too risky")
	require.Equal(t, []string{"Rejected"}, step(t, b.x, "Approve").Outputs["ApprovalStatus"])
}

func TestEngine_Advance_ApprovalTimesOut(t *testing.T) {
	t.Parallel()
	b := setup(t, approveDoc, "YAML", nil, nil)
	b.advance(t)
	b.clk.Advance(action.DefaultApprovalTimeout)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, engine.StatusTimedOut, b.x.Status)
	require.ErrorIs(t, b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: engine.SignalApprove}), engine.ErrFinished)
}

// pauseDoc pauses, then calls A1; Cleanup is the onCancel step.
const pauseDoc = "schemaVersion: '0.3'\nmainSteps:\n" +
	"  - name: Hold\n    action: aws:pause\n    inputs: {}\n    onCancel: step:Cleanup\n" +
	"  - name: After\n    action: aws:executeAwsApi\n    inputs: {Service: ec2, Api: A1}\n    isEnd: true\n" +
	"  - name: Cleanup\n    action: aws:executeAwsApi\n    inputs: {Service: ec2, Api: Clean}\n"

func TestEngine_Signal_Resume(t *testing.T) {
	t.Parallel()
	b := setup(t, pauseDoc, "YAML", nil, nil)
	require.Equal(t, engine.WaitSignal, b.advance(t).Kind)
	require.True(t, b.advance(t).Kind == engine.WaitSignal, "advancing without a signal keeps waiting")
	require.NoError(t, b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: engine.SignalResume}))
	b.advance(t)
	require.Equal(t, []string{"Hold:Success", "After:Success"}, trace(b.x))
	require.Equal(t, engine.StatusSuccess, b.x.Status)
}

func TestEngine_Signal_StopStep(t *testing.T) {
	t.Parallel()
	b := setup(t, pauseDoc, "YAML", nil, nil)
	b.advance(t)
	err := b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: engine.SignalStartStep})
	require.ErrorIs(t, err, engine.ErrInvalidSignal)
	require.NoError(t, b.eng.Signal(b.x, b.doc, engine.ReceivedSignal{Type: engine.SignalStopStep}))
	b.advance(t)
	require.Equal(t, []string{"Hold:Cancelled"}, trace(b.x))
	require.Equal(t, engine.StatusCancelled, b.x.Status, "Abort after a stopped step ends the execution")
}

func TestEngine_Cancel_RunsOnCancel(t *testing.T) {
	t.Parallel()
	b := setup(t, pauseDoc, "YAML", nil, nil)
	b.advance(t)
	require.NoError(t, b.eng.Cancel(b.x, b.doc))
	require.Equal(t, engine.StatusCancelling, b.x.Status)
	require.Equal(t, "Cleanup", b.x.CurrentStepName)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, []string{"Hold:Cancelled", "Cleanup:Success"}, trace(b.x))
	require.Equal(t, engine.StatusCancelled, b.x.Status)
	require.Equal(t, []string{"Clean"}, b.caller.apis())
	require.ErrorIs(t, b.eng.Cancel(b.x, b.doc), engine.ErrFinished)
}

func TestEngine_Cancel_WithoutOnCancel(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(sleepStep("Nap", "PT1H"), api("After", "A1")), "YAML", nil, nil)
	b.advance(t)
	require.NoError(t, b.eng.Cancel(b.x, b.doc))
	require.Equal(t, engine.StatusCancelled, b.x.Status)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, []string{"Nap:Cancelled"}, trace(b.x))
	require.False(t, b.x.ExecutionEndTime.IsZero())
}

func TestEngine_Recover(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, maxAttempts string
		trace             []string
		status, message   string
	}{
		{"RetriedWhenAttemptsRemain", "2", []string{"A:Success", "B:Success"}, engine.StatusSuccess, ""},
		{"FailedWhenNoAttemptsRemain", "1", []string{"A:Failed"}, engine.StatusFailed,
			"the step was interrupted because the Salve process stopped (attempt 1 of 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, doc(api("A", "A1", "maxAttempts: "+tt.maxAttempts), api("B", "B1")), "YAML", nil, nil)
			ctx, crash := context.WithCancel(context.Background())
			b.caller.on("A1", answer{fn: func(engine.CallRequest) (map[string]any, error) {
				crash() // the process dies while A1 is in flight
				return nil, ctx.Err()
			}}, ok(nil))
			_, err := b.eng.Advance(ctx, b.x, b.doc)
			require.ErrorIs(t, err, context.Canceled)

			var x engine.Execution
			require.NoError(t, json.Unmarshal(b.saved[len(b.saved)-1], &x))
			require.Equal(t, []string{"A:InProgress"}, trace(&x))
			changed, err := b.eng.Recover(&x, b.doc)
			require.NoError(t, err)
			require.True(t, changed)
			b.x = &x
			b.advance(t)
			require.Equal(t, tt.trace, trace(b.x))
			require.Equal(t, tt.status, b.x.Status)
			require.Contains(t, b.x.FailureMessage, tt.message)
		})
	}
}

func TestEngine_Recover_WaitingStepKeepsWaiting(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(sleepStep("Nap", "PT10M")), "YAML", nil, nil)
	b.advance(t)
	var x engine.Execution
	require.NoError(t, json.Unmarshal(b.saved[len(b.saved)-1], &x))
	changed, err := b.eng.Recover(&x, b.doc)
	require.NoError(t, err)
	require.False(t, changed)
	require.Equal(t, t0.Add(10*time.Minute), x.WaitUntil)
}

func TestExecution_JSONRoundTripMidRun(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nparameters:\n  Interval: {type: Integer, default: 600}\n  On: {type: Boolean, default: true}\n" +
		"variables:\n  Count: {type: Integer, default: 1}\nmainSteps:\n" +
		api("First", "F1", "outputs: [{Name: N, Selector: $.N, Type: Integer}]") +
		sleepStep("Nap", "PT1M") +
		"  - name: Use\n    action: aws:executeAwsApi\n    inputs: {Service: ec2, Api: U1, I: '{{ Interval }}', O: '{{ On }}', N: '{{ First.N }}', C: '{{ variable:Count }}'}\n"
	b := setup(t, content, "YAML", nil, nil)
	b.caller.on("F1", ok(map[string]any{"N": 7}))
	require.Equal(t, engine.WaitUntil, b.advance(t).Kind)

	raw, err := json.Marshal(b.x)
	require.NoError(t, err)
	var x engine.Execution
	require.NoError(t, json.Unmarshal(raw, &x))
	b.x = &x
	b.clk.Advance(time.Minute)
	b.advance(t)
	require.Equal(t, []string{"First:Success", "Nap:Success", "Use:Success"}, trace(b.x))
	require.Equal(t, map[string]any{"I": 600, "O": true, "N": 7, "C": 1}, b.caller.calls[1].Input)
}

// panicky is an action that panics.
type panicky struct{}

func (panicky) Name() string { return "aws:executeScript" }
func (panicky) Run(context.Context, *engine.StepRun) (engine.Result, error) {
	panic("boom")
}

func TestEngine_Advance_PanickingActionFailsTheStep(t *testing.T) {
	t.Parallel()
	reg := engine.NewRegistry()
	reg.Register(panicky{}, action.ExecuteAwsAPI{})
	b := setup(t, doc("  - name: S\n    action: aws:executeScript\n    inputs: {Runtime: python3.11}\n    onFailure: Continue\n",
		api("After", "A1")), "YAML", nil, reg)
	b.advance(t)
	require.Equal(t, []string{"S:Failed", "After:Success"}, trace(b.x))
	require.Contains(t, step(t, b.x, "S").FailureMessage, "crashed: boom")
}

func TestEngine_Advance_PersistsStepByStep(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(api("A", "A1"), api("B", "B1")), "YAML", nil, nil)
	b.advance(t)
	statuses := make([]string, len(b.saved))
	for i, raw := range b.saved {
		var x engine.Execution
		require.NoError(t, json.Unmarshal(raw, &x))
		statuses[i] = x.Status + " " + joinTrace(&x)
	}
	// aws:executeAwsApi reaches AWS: each attempt is saved before it
	// runs and after it ends; the start of the execution is not saved
	// (a crash before step A replays it from Pending).
	require.Equal(t, []string{
		"InProgress A:InProgress",
		"InProgress A:Success",
		"InProgress A:Success B:InProgress",
		"InProgress A:Success B:Success",
		"Success A:Success B:Success",
	}, statuses)
}

// joinTrace renders the trace on one line.
func joinTrace(x *engine.Execution) string {
	s := ""
	for i, e := range trace(x) {
		if i > 0 {
			s += " "
		}
		s += e
	}
	return s
}

func TestEngine_Advance_ReplayableStepsSaveOnlyWaitsAndEnd(t *testing.T) {
	t.Parallel()
	b := setup(t, `schemaVersion: '0.3'
variables:
  N: {type: Integer, default: 0}
mainSteps:
  - name: Set
    action: aws:updateVariable
    inputs: {Name: 'variable:N', Value: 1}
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT1M}
  - name: Now
    action: aws:sleep
    inputs: {Duration: PT0S}
`, "YAML", nil, nil)
	require.Equal(t, engine.WaitUntil, b.advance(t).Kind)
	b.clk.Advance(time.Minute)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	statuses := make([]string, len(b.saved))
	for i, raw := range b.saved {
		var x engine.Execution
		require.NoError(t, json.Unmarshal(raw, &x))
		statuses[i] = x.Status + " " + joinTrace(&x)
	}
	require.Equal(t, []string{
		"InProgress Set:Success Nap:InProgress",
		"Success Set:Success Nap:Success Now:Success",
	}, statuses)
}

func TestEngine_Advance_SavesAnAbortedEnd(t *testing.T) {
	t.Parallel()
	b := setup(t, `schemaVersion: '0.3'
mainSteps:
  - name: Bad
    action: aws:updateVariable
    inputs: {Name: 'variable:Missing', Value: 1}
  - name: After
    action: aws:sleep
    inputs: {Duration: PT0S}
`, "YAML", nil, nil)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, engine.StatusFailed, b.x.Status)
	require.Len(t, b.saved, 1, "one save: the end")
	var x engine.Execution
	require.NoError(t, json.Unmarshal(b.saved[0], &x))
	require.Equal(t, engine.StatusFailed, x.Status, "the aborted end is saved")
}
