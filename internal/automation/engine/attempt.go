package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
)

// runAttempt runs (or continues) the current attempt of se and records
// what came of it. wait reports that the execution must wait.
func (e *Engine) runAttempt(ctx context.Context, x *Execution, doc *automation.Document,
	step *automation.Step, se *StepExecution) (Outcome, bool, error) {
	if x.Status == StatusWaiting {
		x.Status = StatusInProgress
	}
	run, f := e.prepare(x, doc, step, se)
	if f != nil {
		e.endStep(x, se, StatusFailed, f)
		e.afterStep(x, doc, step, se, "")
		x.unsaved = true
		return Outcome{}, false, nil
	}
	effects := !Replayable(run.action)
	if effects {
		// A crash during the action must find the attempt started.
		if err := e.save(x, "step start"); err != nil {
			return Outcome{}, false, err
		}
	}
	res, err := e.invoke(ctx, run)
	if ctx.Err() != nil {
		return Outcome{}, false, ctx.Err()
	}
	out, wait, err := e.record(x, doc, step, se, res, err)
	if err == nil && effects {
		// What the action did (its outputs, its end) must not be lost.
		err = e.save(x, "step end")
	}
	return out, wait, err
}

// prepare resolves the step's inputs and finds its action.
func (e *Engine) prepare(x *Execution, doc *automation.Document, step *automation.Step,
	se *StepExecution) (*StepRun, *Failure) {
	now := e.p.Clock.Now()
	env := e.env(x, now)
	in, err := expr.Resolve(ownInputs(step), env)
	if err != nil {
		return nil, Fail(StageInputValidation, TypeVerification, "The inputs of step %s cannot be resolved: %v", step.Name, err)
	}
	inputs, _ := in.(map[string]any)
	se.Inputs = inputs
	a, ok := e.p.Registry.Lookup(step.Action)
	if !ok {
		return nil, Fail(StageInputValidation, TypeVerification, "The action %s of step %s is not supported by Salve yet.",
			step.Action, step.Name)
	}
	return &StepRun{action: a, Step: step, Inputs: inputs, State: se, Execution: x, Document: doc, Lookup: env,
		Now: now, Caller: e.p.Caller, Children: e.p.Children, Functions: e.p.Functions}, nil
}

// ownInputs are the inputs resolved when the step starts: all of them,
// except an aws:loop's nested Steps and LoopCondition, which are resolved
// when each nested step runs and after each pass.
func ownInputs(step *automation.Step) map[string]any {
	if step.Loop == nil {
		return step.Inputs
	}
	in := make(map[string]any, len(step.Inputs))
	for k, v := range step.Inputs {
		if k != "Steps" && k != "LoopCondition" {
			in[k] = v
		}
	}
	return in
}

// invoke runs the action, turning a panic into a failed attempt.
func (e *Engine) invoke(ctx context.Context, run *StepRun) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, Fail(StageInvocation, TypeUnknown, "The action %s crashed: %v", run.action.Name(), r)
		}
	}()
	return run.action.Run(ctx, run)
}

// record applies the result of an attempt to se and x.
func (e *Engine) record(x *Execution, doc *automation.Document, step *automation.Step, se *StepExecution,
	res Result, err error) (Outcome, bool, error) {
	now := e.p.Clock.Now()
	deadline := se.deadline()
	timedOut := !deadline.IsZero() && !now.Before(deadline)
	switch {
	case err != nil:
		se.Response = res.Response
		e.setOutputs(se, res.Outputs)
		e.attemptFailed(x, doc, step, se, StatusFailed, failureOf(err))
	case timedOut:
		e.attemptFailed(x, doc, step, se, StatusTimedOut, Fail(StageInvocation, TypeUnknown,
			"Step timed out after %d seconds (attempt %d of %d).", se.TimeoutSeconds, se.Attempt, se.MaxAttempts))
	case res.Loop != nil:
		e.enterLoop(x, doc, step, se, res.Loop)
	case res.Wait != nil:
		out := e.wait(x, se, res.Wait, deadline)
		x.unsaved = true
		return out, true, e.save(x, "step wait")
	default:
		e.succeed(x, doc, step, se, res)
	}
	x.unsaved = true
	return Outcome{}, false, nil
}

// succeed records a successful attempt and moves to the next step; output
// conversion failures fail the step.
func (e *Engine) succeed(x *Execution, doc *automation.Document, step *automation.Step, se *StepExecution, res Result) {
	se.Response = res.Response
	typed, f := stepOutputs(step, res)
	e.setOutputs(se, typed)
	if f != nil {
		e.endStep(x, se, StatusFailed, f)
		e.afterStep(x, doc, step, se, "")
		return
	}
	for k, v := range res.Variables {
		x.Variables[k] = v
	}
	e.endStep(x, se, StatusSuccess, nil)
	e.afterStep(x, doc, step, se, res.NextStep)
}

// setOutputs stores typed outputs and their API rendering.
func (e *Engine) setOutputs(se *StepExecution, typed map[string]any) {
	if len(typed) == 0 {
		return
	}
	se.TypedOutputs = Values(typed)
	se.Outputs = make(map[string][]string, len(typed))
	for k, v := range typed {
		se.Outputs[k] = apiValues(v)
	}
}

// attemptFailed retries the step when attempts remain, else ends it with
// status and follows onFailure.
func (e *Engine) attemptFailed(x *Execution, doc *automation.Document, step *automation.Step, se *StepExecution,
	status string, f *Failure) {
	if se.Attempt < se.MaxAttempts {
		se.Attempt++
		se.AttemptStartTime = e.p.Clock.Now()
		se.Status, se.State, se.Signals = StatusInProgress, nil, nil
		se.WaitUntil, se.AwaitedSignals = time.Time{}, nil
		se.FailureMessage = f.Message
		x.WaitUntil, x.AwaitedSignals = time.Time{}, nil
		return
	}
	e.endStep(x, se, status, f)
	e.afterStep(x, doc, step, se, "")
}

// endStep gives se its final status.
func (e *Engine) endStep(x *Execution, se *StepExecution, status string, f *Failure) {
	se.Status = status
	se.ExecutionEndTime = e.p.Clock.Now()
	se.WaitUntil, se.AwaitedSignals = time.Time{}, nil
	x.WaitUntil, x.AwaitedSignals = time.Time{}, nil
	if f != nil {
		se.FailureMessage = f.Message
		se.FailureDetails = &FailureDetails{FailureStage: f.Stage, FailureType: f.Type, Details: f.Details}
	} else {
		se.FailureMessage, se.FailureDetails = "", nil
	}
}

// wait records that the attempt waits, and tells the host until when.
func (e *Engine) wait(x *Execution, se *StepExecution, w *Wait, deadline time.Time) Outcome {
	until := w.Until
	if !deadline.IsZero() && (until.IsZero() || deadline.Before(until)) {
		until = deadline
	}
	se.WaitUntil, se.AwaitedSignals = w.Until, w.Signals
	x.WaitUntil, x.AwaitedSignals = until, w.Signals
	if len(w.Signals) == 0 {
		se.Status = StatusInProgress
		return Outcome{Kind: WaitUntil, Until: until}
	}
	se.Status = StatusWaiting
	if x.Status == StatusInProgress {
		x.Status = StatusWaiting
	}
	return Outcome{Kind: WaitSignal, Until: until}
}

// deadline is when the current attempt times out; zero for never.
func (se *StepExecution) deadline() time.Time {
	if se.TimeoutSeconds <= 0 {
		return time.Time{}
	}
	return se.AttemptStartTime.Add(time.Duration(se.TimeoutSeconds) * time.Second)
}

// env is the reference lookup of x at now.
func (e *Engine) env(x *Execution, now time.Time) *expr.Env {
	outs := make(map[string]map[string]any, len(x.StepExecutions))
	for _, se := range x.StepExecutions {
		outs[se.StepName] = se.TypedOutputs
	}
	if x.Variables == nil {
		x.Variables = Values{}
	}
	return &expr.Env{Parameters: x.Parameters, Variables: x.Variables, Outputs: outs, Loops: loops(x),
		AccountID: x.AccountID, Region: x.Region, ExecutionID: x.AutomationExecutionID, Now: now}
}

// failureOf turns an action error into a Failure.
func failureOf(err error) *Failure {
	var f *Failure
	if errors.As(err, &f) {
		return f
	}
	return &Failure{Stage: StageInvocation, Type: TypeUnknown, Message: fmt.Sprint(err)}
}
