package engine

import (
	"errors"
	"fmt"
	"slices"

	"github.com/salvehq/salve/internal/automation"
)

// ErrStepNotFound: a StartStep signal names a step that is not a main
// step of the runbook (AutomationStepNotFoundException).
var ErrStepNotFound = errors.New("the step is not a main step of the runbook")

// awaitingStep reports whether x is an Interactive execution between two
// main steps (steps inside an aws:loop run on without stopping, and so
// does a cancellation workflow).
func (x *Execution) awaitingStep() bool {
	return x.Interactive && !x.Finished() && len(x.Loops) == 0 && x.CurrentStepName != "" &&
		x.current() == nil && x.Status != StatusCancelling
}

// hold makes an Interactive execution that was not released Waiting
// before its next main step, and reports whether Advance must stop.
func hold(x *Execution) bool {
	if !x.awaitingStep() || x.StepReleased {
		return false
	}
	if x.Status != StatusWaiting {
		x.Status = StatusWaiting
		x.unsaved = true
	}
	return true
}

// releaseStep applies StartStep: the named main step runs next (a step
// that ran may run again, a step may be skipped) and the flow goes on
// from it.
func (e *Engine) releaseStep(x *Execution, doc *automation.Document, names []string) error {
	switch {
	case !x.Interactive:
		return fmt.Errorf("%w: StartStep applies only to executions started in Mode Interactive; execution %s "+
			"runs in Auto mode", ErrInvalidSignal, x.AutomationExecutionID)
	case len(names) != 1:
		return fmt.Errorf("%w: StartStep needs exactly one Payload StepName naming the step to run", ErrInvalidSignal)
	case x.Finished():
		return fmt.Errorf("%w: execution %s is %s", ErrFinished, x.AutomationExecutionID, x.Status)
	case x.Status == StatusPending:
		return fmt.Errorf("%w: execution %s is starting; send StartStep once it is Waiting", ErrInvalidSignal,
			x.AutomationExecutionID)
	case !x.awaitingStep():
		return fmt.Errorf("%w: execution %s is running step %s; send StartStep when it waits before its next "+
			"step", ErrInvalidSignal, x.AutomationExecutionID, x.CurrentStepName)
	}
	i := slices.IndexFunc(doc.MainSteps, func(st automation.Step) bool { return st.Name == names[0] })
	if i < 0 {
		return fmt.Errorf("%w: step %s is not a main step of runbook %s", ErrStepNotFound, names[0], x.DocumentName)
	}
	x.CurrentStepName, x.CurrentAction = doc.MainSteps[i].Name, doc.MainSteps[i].Action
	release(x)
	return nil
}

// resumeStep applies Resume to an Interactive execution waiting before a
// step: the step the flow chose runs.
func resumeStep(x *Execution, names []string) error {
	if len(names) > 0 && !slices.Contains(names, x.CurrentStepName) {
		return fmt.Errorf("%w: execution %s waits before step %s; Resume runs that step, StartStep runs a "+
			"different one", ErrInvalidSignal, x.AutomationExecutionID, x.CurrentStepName)
	}
	release(x)
	return nil
}

// release lets x start its current step.
func release(x *Execution) {
	x.StepReleased = true
	x.Status = StatusInProgress
}
