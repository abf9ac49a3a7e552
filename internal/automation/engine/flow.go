package engine

import (
	"fmt"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/automation"
)

// afterStep chooses what runs after se ended (runbooks.md §1.3). chosen is
// the step an aws:branch picked ("" for none). Inside an aws:loop the
// nested Steps are the ones followed, and the end of the flow (after the
// last step, or isEnd) ends the pass rather than the execution.
func (e *Engine) afterStep(x *Execution, doc *automation.Document, step *automation.Step, se *StepExecution,
	chosen string) {
	steps, loop := enclosing(x, doc, step.Name)
	x.CurrentStepName = e.nextStep(x, doc, steps, step, se, chosen)
	if x.Finished() {
		return
	}
	if loop != nil && x.CurrentStepName == "" {
		e.endPass(x, doc, loop)
		return
	}
	x.CurrentAction = ""
	if s := findStep(doc.MainSteps, x.CurrentStepName); s != nil {
		x.CurrentAction = s.Action
	}
}

// nextStep is the name of the step after se among steps, "" to end the
// flow; an Abort finishes the execution itself (inside a loop too: the
// loop inherits its steps' onFailure).
func (e *Engine) nextStep(x *Execution, doc *automation.Document, steps []automation.Step, step *automation.Step,
	se *StepExecution, chosen string) string {
	if failed(se.Status) || se.Status == StatusCancelled {
		if target, ok := automation.JumpTarget(step.OnFailure); ok {
			return target
		}
		if step.OnFailure != automation.Continue {
			e.finish(x, doc, se.Status, stepFailure(se))
			return ""
		}
	}
	switch {
	case chosen != "":
		return chosen
	case step.IsEnd:
		return ""
	case step.NextStep != "":
		return step.NextStep
	}
	return stepAfter(steps, step.Name)
}

// stepAfter is the step following name in array order, "" after the last.
func stepAfter(steps []automation.Step, name string) string {
	i := slices.IndexFunc(steps, func(s automation.Step) bool { return s.Name == name })
	if i < 0 || i+1 >= len(steps) {
		return ""
	}
	return steps[i+1].Name
}

// validNextSteps lists the steps step, one of steps, may lead to.
func validNextSteps(steps []automation.Step, step *automation.Step) []string {
	var out []string
	add := func(name string) {
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	if b := step.Branch; b != nil {
		for _, c := range b.Choices {
			add(c.NextStep)
		}
		add(b.Default)
	}
	if !step.IsEnd {
		add(step.NextStep)
		if step.NextStep == "" {
			add(stepAfter(steps, step.Name))
		}
	}
	if target, ok := automation.JumpTarget(step.OnFailure); ok {
		add(target)
	}
	return out
}

// finish ends x. An empty status applies the final-status rules: Failed
// when a critical step failed, else Success. A cancelled execution always
// ends Cancelled.
func (e *Engine) finish(x *Execution, doc *automation.Document, status, msg string) {
	switch {
	case x.Status == StatusCancelling || x.Status == StatusCancelled:
		status, msg = StatusCancelled, x.FailureMessage
	case status == "":
		status, msg = finalStatus(x)
	}
	x.Status, x.FailureMessage = status, msg
	e.closeLoops(x, status, msg)
	x.ExecutionEndTime = e.p.Clock.Now()
	x.CurrentStepName, x.CurrentAction = "", ""
	x.WaitUntil, x.AwaitedSignals = time.Time{}, nil
	x.Outputs = documentOutputs(x, doc)
	x.unsaved = true
}

// finalStatus is Failed, with the first failed critical step's reason,
// when any critical step failed; Success otherwise.
func finalStatus(x *Execution) (string, string) {
	for _, se := range x.StepExecutions {
		if se.IsCritical && failed(se.Status) {
			return StatusFailed, stepFailure(se)
		}
	}
	return StatusSuccess, ""
}

// stepFailure is the execution's FailureMessage for a failed step.
func stepFailure(se *StepExecution) string {
	verb := "failed"
	if se.Status == StatusTimedOut {
		verb = "timed out"
	}
	return fmt.Sprintf("Step %s (%s) %s: %s", se.StepName, se.Action, verb, se.FailureMessage)
}
