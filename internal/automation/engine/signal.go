package engine

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/automation"
)

// Errors of Signal and Cancel; the API layer maps them to AWS errors
// (InvalidAutomationSignalException, InvalidAutomationStatusUpdateException).
var (
	// ErrFinished: the execution already has a final status.
	ErrFinished = errors.New("the automation execution has already ended")
	// ErrInvalidSignal: the execution does not accept this signal now.
	ErrInvalidSignal = errors.New("the automation execution does not accept this signal")
)

// Signal delivers a SendAutomationSignal to x's current step:
//
//   - Approve and Reject to a waiting aws:approve step. Any sender counts
//     as an approver for now (the step's Approvers list is not enforced);
//     each distinct Sender counts once towards MinRequiredApprovals.
//   - Resume to a waiting aws:pause step.
//   - StopStep to the running or waiting step: it ends Cancelled and the
//     flow goes on as after a failure (onFailure). The Payload's
//     StepExecutionId, when given, must name the current step run.
//   - StartStep {StepName} to an Interactive execution waiting before a
//     main step: the named main step runs next and the flow goes on from
//     it (ErrStepNotFound when it is not a main step).
//   - Resume to an Interactive execution waiting before a main step: the
//     step the flow chose runs (a Payload StepName must name it).
//
// Signal only changes x: the host saves it and calls Advance.
func (e *Engine) Signal(x *Execution, doc *automation.Document, sig ReceivedSignal) error {
	if sig.Type == SignalStartStep {
		return e.releaseStep(x, doc, sig.Payload["StepName"])
	}
	if x.Finished() {
		return fmt.Errorf("%w: execution %s is %s", ErrFinished, x.AutomationExecutionID, x.Status)
	}
	cur := x.current()
	switch {
	case sig.Type == SignalResume && x.awaitingStep():
		return resumeStep(x, sig.Payload["StepName"])
	case cur == nil:
		return fmt.Errorf("%w: execution %s has no running step", ErrInvalidSignal, x.AutomationExecutionID)
	case sig.Type == SignalStopStep:
		return e.stopStep(x, doc, cur, sig)
	case !slices.Contains(cur.AwaitedSignals, sig.Type):
		return fmt.Errorf("%w: step %s (%s) of execution %s is not waiting for a %s signal%s", ErrInvalidSignal,
			cur.StepName, cur.Action, x.AutomationExecutionID, sig.Type, accepted(cur.AwaitedSignals))
	}
	sig.Time = e.p.Clock.Now()
	cur.Signals = append(cur.Signals, sig)
	return nil
}

// accepted describes the signals a step accepts, for error messages.
func accepted(types []string) string {
	if len(types) == 0 {
		return ""
	}
	return "; it accepts " + strings.Join(types, ", ")
}

// stopStep ends the current step as Cancelled and follows its onFailure.
func (e *Engine) stopStep(x *Execution, doc *automation.Document, cur *StepExecution, sig ReceivedSignal) error {
	if ids := sig.Payload["StepExecutionId"]; len(ids) > 0 && !slices.Contains(ids, cur.StepExecutionID) {
		return fmt.Errorf("%w: step execution %s is not running; the running step is %s (%s)", ErrInvalidSignal,
			strings.Join(ids, ", "), cur.StepName, cur.StepExecutionID)
	}
	step := findStep(doc.MainSteps, cur.StepName)
	if step == nil {
		return fmt.Errorf("execution %s: step %q is not in document %s", x.AutomationExecutionID, cur.StepName, x.DocumentName)
	}
	e.endStep(x, cur, StatusCancelled, Fail(StageInvocation, TypeUnknown, "The step was stopped by a StopStep signal."))
	if x.Status == StatusWaiting {
		x.Status = StatusInProgress
	}
	e.afterStep(x, doc, step, cur, "")
	return nil
}

// Cancel stops x (StopAutomationExecution with Type Cancel). The running
// step ends Cancelled. When that step declares onCancel step:X, x becomes
// Cancelling and Advance runs the cancellation workflow from X, after
// which x is Cancelled; otherwise x is Cancelled at once. Cancelling an
// execution that is already Cancelling does nothing. Cancel only changes
// x: the host saves it and calls Advance.
func (e *Engine) Cancel(x *Execution, doc *automation.Document) error {
	if x.Finished() {
		return fmt.Errorf("%w: execution %s is %s", ErrFinished, x.AutomationExecutionID, x.Status)
	}
	if x.Status == StatusCancelling {
		return nil
	}
	x.Status = StatusCancelling
	x.FailureMessage = "The execution was cancelled."
	target := ""
	if cur := x.current(); cur != nil {
		e.endStep(x, cur, StatusCancelled, Fail(StageInvocation, TypeUnknown, "The step was cancelled."))
		target, _ = automation.JumpTarget(cur.OnCancel)
	}
	if target == "" {
		e.finish(x, doc, StatusCancelled, "")
		return nil
	}
	// The cancellation workflow runs outside any loop: the running loops
	// end Cancelled with the step.
	e.closeLoops(x, StatusCancelled, x.FailureMessage)
	x.CurrentStepName = target
	if s := findStep(doc.MainSteps, target); s != nil {
		x.CurrentAction = s.Action
	}
	return nil
}
