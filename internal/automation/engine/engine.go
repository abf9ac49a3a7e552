package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/clock"
)

// MaxStepRuns bounds the step runs of one execution, so a runbook whose
// onFailure jumps form a cycle ends as Failed instead of running forever.
// It leaves room for aws:loop: 100 passes of a dozen nested steps, and
// more.
const MaxStepRuns = 5000

// Params are the dependencies of an Engine.
type Params struct {
	// Clock is the only source of time.
	Clock clock.Clock
	// Registry holds the actions steps may use.
	Registry *Registry
	// Caller reaches AWS for the aws:*AwsApi* actions; nil fails such
	// steps with a clear reason.
	Caller AWSCaller
	// Children starts child automations; nil when the host has none.
	Children ChildStarter
	// Functions runs Lambda-style handlers for aws:invokeLambdaFunction;
	// nil fails such steps with a clear reason.
	Functions FunctionInvoker
	// Persist saves the execution; Advance calls it where a crash must
	// find the state (see the package doc, Persistence). Nil saves
	// nothing.
	Persist func(*Execution) error
	// NewID returns a new StepExecutionId; nil uses random UUIDs.
	NewID func() string
}

// Engine runs executions. It holds no execution state: the same Engine
// may advance many executions, one call per execution at a time.
type Engine struct {
	p Params
}

// New returns an Engine.
func New(p Params) *Engine {
	if p.NewID == nil {
		p.NewID = uuid.NewString
	}
	if p.Persist == nil {
		p.Persist = func(*Execution) error { return nil }
	}
	if p.Registry == nil {
		p.Registry = NewRegistry()
	}
	return &Engine{p: p}
}

// OutcomeKind says why Advance returned.
type OutcomeKind int

// Outcome kinds.
const (
	// Done: the execution has a final status.
	Done OutcomeKind = iota + 1
	// WaitUntil: call Advance again at Outcome.Until.
	WaitUntil
	// WaitSignal: call Advance again when a signal arrives, or at
	// Outcome.Until when it is set (the waiting step's timeout).
	WaitSignal
)

// String names the kind.
func (k OutcomeKind) String() string {
	switch k {
	case Done:
		return "Done"
	case WaitUntil:
		return "WaitUntil"
	case WaitSignal:
		return "WaitSignal"
	}
	return fmt.Sprintf("OutcomeKind(%d)", int(k))
}

// Outcome is why Advance returned and when to call it again.
type Outcome struct {
	Kind  OutcomeKind
	Until time.Time
}

// Advance runs x (an execution of doc) until it finishes or must wait.
// Step failures are not errors: they are recorded in x. Errors are only
// those of Persist, a cancelled ctx (x is left as last persisted, to be
// resumed with Recover) or an execution that does not belong to doc.
func (e *Engine) Advance(ctx context.Context, x *Execution, doc *automation.Document) (Outcome, error) {
	if x.Finished() {
		return Outcome{Kind: Done}, nil
	}
	if x.Status == StatusPending {
		e.begin(x, doc)
	}
	for !x.Finished() {
		if err := ctx.Err(); err != nil {
			return Outcome{}, err
		}
		out, wait, err := e.next(ctx, x, doc)
		if err != nil || wait {
			return out, err
		}
	}
	// A step that aborted the execution finished it.
	return Outcome{Kind: Done}, e.save(x, "execution end")
}

// begin starts a Pending execution at its first step.
func (e *Engine) begin(x *Execution, doc *automation.Document) {
	x.Status = StatusInProgress
	x.ExecutionStartTime = e.p.Clock.Now()
	x.CurrentStepName = doc.MainSteps[0].Name
	x.CurrentAction = doc.MainSteps[0].Action
	x.unsaved = true
}

// next moves x one step on: it finishes the execution, starts the current
// step, or runs its current attempt. wait reports that x must wait.
func (e *Engine) next(ctx context.Context, x *Execution, doc *automation.Document) (Outcome, bool, error) {
	se := x.current()
	if se == nil {
		if x.CurrentStepName == "" {
			e.finish(x, doc, "", "")
			return Outcome{Kind: Done}, false, e.save(x, "execution end")
		}
		if len(x.StepExecutions) >= MaxStepRuns {
			e.finish(x, doc, StatusFailed, fmt.Sprintf("The runbook ran %d steps without ending; its onFailure "+
				"jumps probably form a loop.", MaxStepRuns))
			return Outcome{Kind: Done}, false, e.save(x, "execution end")
		}
		if hold(x) {
			return Outcome{Kind: WaitSignal}, true, e.save(x, "interactive wait")
		}
		var err error
		if se, err = e.startStep(x, doc); err != nil {
			return Outcome{}, false, err
		}
	}
	step := findStep(doc.MainSteps, se.StepName)
	if step == nil {
		return Outcome{}, false, fmt.Errorf("execution %s: step %q is not in document %s", x.AutomationExecutionID,
			se.StepName, x.DocumentName)
	}
	return e.runAttempt(ctx, x, doc, step, se)
}

// save persists x when Advance changed it since the last save, naming
// the change in the error.
func (e *Engine) save(x *Execution, what string) error {
	if !x.unsaved {
		return nil
	}
	if err := e.p.Persist(x); err != nil {
		return fmt.Errorf("persist %s: %w", what, err)
	}
	x.unsaved = false
	return nil
}

// startStep appends a run of the current step.
func (e *Engine) startStep(x *Execution, doc *automation.Document) (*StepExecution, error) {
	step := findStep(doc.MainSteps, x.CurrentStepName)
	if step == nil {
		return nil, fmt.Errorf("execution %s: step %q is not in document %s", x.AutomationExecutionID,
			x.CurrentStepName, x.DocumentName)
	}
	steps, loop := enclosing(x, doc, step.Name)
	now := e.p.Clock.Now()
	se := &StepExecution{
		StepName: step.Name, Action: step.Action, StepExecutionID: e.p.NewID(),
		Status: StatusInProgress, Attempt: 1, MaxAttempts: max(step.MaxAttempts, 1),
		TimeoutSeconds: e.timeoutSeconds(step), OnFailure: step.OnFailure, OnCancel: step.OnCancel,
		IsEnd: step.IsEnd, IsCritical: step.IsCritical, NextStep: step.NextStep,
		ExecutionStartTime: now, AttemptStartTime: now, ValidNextSteps: validNextSteps(steps, step),
		ParentStepDetails: parentDetails(loop),
	}
	x.StepExecutions = append(x.StepExecutions, se)
	x.CurrentAction = step.Action
	x.StepReleased = false
	x.unsaved = true
	return se, nil
}

// timeoutSeconds is the step's timeout, or its action's default.
func (e *Engine) timeoutSeconds(step *automation.Step) int {
	if step.TimeoutSeconds > 0 {
		return step.TimeoutSeconds
	}
	if a, ok := e.p.Registry.Lookup(step.Action); ok {
		if d, ok := a.(DefaultTimeouter); ok {
			return int(d.DefaultTimeout() / time.Second)
		}
	}
	return 0
}

// findStep finds a step by name, nested loop steps included.
func findStep(steps []automation.Step, name string) *automation.Step {
	for i := range steps {
		if steps[i].Name == name {
			return &steps[i]
		}
		if l := steps[i].Loop; l != nil {
			if s := findStep(l.Steps, name); s != nil {
				return s
			}
		}
	}
	return nil
}
