package engine

import (
	"fmt"

	"github.com/salvehq/salve/internal/automation"
)

// Recover prepares x, loaded after a process restart, for Advance. A
// waiting step keeps waiting (its deadline is in x). A step that was in
// flight (InProgress and not waiting: its action may have been half done)
// counts as a failed attempt: it is retried when maxAttempts allow,
// otherwise it fails with a reason saying the process stopped and the flow
// follows its onFailure. Recover reports whether it changed x; the host
// saves it and calls Advance.
func (e *Engine) Recover(x *Execution, doc *automation.Document) (bool, error) {
	cur := x.current()
	if x.Finished() || cur == nil || !inFlight(cur) {
		return false, nil
	}
	step := findStep(doc.MainSteps, cur.StepName)
	if step == nil {
		return false, fmt.Errorf("execution %s: step %q is not in document %s", x.AutomationExecutionID,
			cur.StepName, x.DocumentName)
	}
	msg := fmt.Sprintf("the step was interrupted because the Salve process stopped (attempt %d of %d)",
		cur.Attempt, cur.MaxAttempts)
	e.attemptFailed(x, doc, step, cur, StatusFailed, Fail(StageInvocation, TypeUnknown, "%s", msg))
	return true, nil
}

// inFlight reports a step whose action may have been running.
func inFlight(se *StepExecution) bool {
	return se.Status == StatusInProgress && se.WaitUntil.IsZero() && len(se.AwaitedSignals) == 0
}
