package runbooks

import (
	"errors"
	"slices"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
)

// errAwaitStep ends an Advance of an Interactive execution that must wait
// for StartStep or Resume before its next step.
var errAwaitStep = errors.New("the interactive execution waits before its next step")

// running reports whether the latest step run has not ended.
func (x *Execution) running() bool {
	n := len(x.StepExecutions)
	return n > 0 && !finalStatus(x.StepExecutions[n-1].Status)
}

// awaitingStep reports whether x is an Interactive execution between two
// main steps (steps inside an aws:loop run on without stopping).
func (x *Execution) awaitingStep() bool {
	return x.Mode == ModeInteractive && !x.Finished() && len(x.Loops) == 0 && x.CurrentStepName != "" &&
		!x.running() && x.Status != engine.StatusCancelling
}

// gate runs before every save of an advancing execution: a step that
// starts uses up StepReleased, and an Interactive execution about to
// start a step it was not released for becomes Waiting. It reports
// whether Advance must stop.
func (x *Execution) gate() bool {
	if x.Mode != ModeInteractive {
		return false
	}
	if x.running() {
		x.StepReleased = false
		return false
	}
	if !x.awaitingStep() || x.StepReleased {
		return false
	}
	x.Status = engine.StatusWaiting
	return true
}

// interactiveSignal applies StartStep, and Resume to an Interactive
// execution that waits before a step; handled is false for every other
// signal, which goes to the engine.
func interactiveSignal(x *Execution, doc *automation.Document, p SignalParams) (handled bool, err error) {
	switch {
	case p.Type == engine.SignalStartStep:
		return true, startStep(x, doc, p.Payload["StepName"])
	case p.Type == engine.SignalResume && x.awaitingStep():
		return true, resumeStep(x, p.Payload["StepName"])
	}
	return false, nil
}

// startStep releases the named main step of a waiting Interactive
// execution: it runs next, and the flow goes on from it.
func startStep(x *Execution, doc *automation.Document, names []string) error {
	switch {
	case x.Mode != ModeInteractive:
		return badSignal("StartStep applies only to executions started in Mode Interactive; execution %s runs "+
			"in %s mode.", x.AutomationExecutionID, x.Mode)
	case len(names) != 1:
		return badSignal("StartStep needs exactly one Payload StepName naming the step to run.")
	case x.Finished():
		return badSignal("Automation execution %s has already ended with status %s.", x.AutomationExecutionID, x.Status)
	case x.Status == engine.StatusPending:
		return badSignal("Automation execution %s is starting; send StartStep once it is Waiting.", x.AutomationExecutionID)
	case !x.awaitingStep():
		return badSignal("Automation execution %s is running step %s; send StartStep when it waits before its "+
			"next step.", x.AutomationExecutionID, x.CurrentStepName)
	}
	i := slices.IndexFunc(doc.MainSteps, func(st automation.Step) bool { return st.Name == names[0] })
	if i < 0 {
		return awserr.New(awserr.AutomationStepNotFound, "Step %s is not a step of runbook %s.", names[0], x.DocumentName)
	}
	x.CurrentStepName, x.CurrentAction = doc.MainSteps[i].Name, doc.MainSteps[i].Action
	release(x)
	return nil
}

// resumeStep releases the step the flow chose next.
func resumeStep(x *Execution, names []string) error {
	if len(names) > 0 && !slices.Contains(names, x.CurrentStepName) {
		return badSignal("Automation execution %s waits before step %s; Resume runs that step. Use StartStep "+
			"to run a different one.", x.AutomationExecutionID, x.CurrentStepName)
	}
	release(x)
	return nil
}

// release lets x start its current step.
func release(x *Execution) {
	x.StepReleased = true
	x.Status = engine.StatusInProgress
}

// badSignal is InvalidAutomationSignalException.
func badSignal(format string, args ...any) error {
	return awserr.New(awserr.InvalidAutomationSignal, format, args...)
}
