package engine

import (
	"slices"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
)

// MaxLoopIterations is the most passes an aws:loop may make.
const MaxLoopIterations = 100

// LoopSpec is what aws:loop asks of the engine (Result.Loop): run the
// step's nested Steps once per item (for-each) or while its LoopCondition
// holds after a pass (do-while), at most MaxIterations times.
type LoopSpec struct {
	// ForEach reports a for-each loop; Items are its typed iterator values
	// (possibly none: the loop then ends at once).
	ForEach bool
	Items   []any
	// MaxIterations caps the passes, 1..MaxLoopIterations.
	MaxIterations int
}

// LoopFrame is the durable state of a running aws:loop step.
type LoopFrame struct {
	// StepName and StepExecutionID identify the loop step's run.
	StepName        string `json:"StepName"`
	StepExecutionID string `json:"StepExecutionId"`
	// Iteration is CurrentIteration: the running pass, counted from 1.
	Iteration int `json:"Iteration"`
	// ForEach, Items and MaxIterations are the LoopSpec.
	ForEach       bool `json:"ForEach,omitempty"`
	Items         List `json:"Items,omitempty"`
	MaxIterations int  `json:"MaxIterations"`
}

// value is CurrentIteratorValue: the item of the running pass, nil in a
// do-while loop.
func (f *LoopFrame) value() any {
	if !f.ForEach || f.Iteration < 1 || f.Iteration > len(f.Items) {
		return nil
	}
	return f.Items[f.Iteration-1]
}

// loopOf returns the frame of the loop step run id, nil when that run is
// not a running loop.
func (x *Execution) loopOf(id string) *LoopFrame {
	for _, f := range x.Loops {
		if f.StepExecutionID == id {
			return f
		}
	}
	return nil
}

// stepRun returns the step execution with id.
func (x *Execution) stepRun(id string) *StepExecution {
	for i := len(x.StepExecutions) - 1; i >= 0; i-- {
		if x.StepExecutions[i].StepExecutionID == id {
			return x.StepExecutions[i]
		}
	}
	return nil
}

// enclosing returns the steps the named step is one of (the innermost
// running loop's Steps, or mainSteps) and that loop's frame (nil for
// mainSteps).
func enclosing(x *Execution, doc *automation.Document, name string) ([]automation.Step, *LoopFrame) {
	if n := len(x.Loops); n > 0 {
		f := x.Loops[n-1]
		if ls := findStep(doc.MainSteps, f.StepName); ls != nil && ls.Loop != nil && hasStep(ls.Loop.Steps, name) {
			return ls.Loop.Steps, f
		}
	}
	return doc.MainSteps, nil
}

// hasStep reports whether steps has one named name.
func hasStep(steps []automation.Step, name string) bool {
	return slices.ContainsFunc(steps, func(s automation.Step) bool { return s.Name == name })
}

// parentDetails is the ParentStepDetails of a step run in frame f.
func parentDetails(f *LoopFrame) *ParentStepDetails {
	if f == nil {
		return nil
	}
	d := &ParentStepDetails{StepExecutionID: f.StepExecutionID, StepName: f.StepName, Action: "aws:loop",
		Iteration: f.Iteration}
	if v := f.value(); v != nil {
		d.IteratorValue = expr.Stringify(v)
	}
	return d
}

// loops is the Lookup view of the running loops.
func loops(x *Execution) map[string]expr.Iteration {
	if len(x.Loops) == 0 {
		return nil
	}
	out := make(map[string]expr.Iteration, len(x.Loops))
	for _, f := range x.Loops {
		out[f.StepName] = expr.Iteration{Value: f.value(), Index: f.Iteration}
	}
	return out
}

// enterLoop starts the first pass of the loop step run se.
func (e *Engine) enterLoop(x *Execution, doc *automation.Document, step *automation.Step, se *StepExecution,
	spec *LoopSpec) {
	f := &LoopFrame{StepName: step.Name, StepExecutionID: se.StepExecutionID, Iteration: 1,
		ForEach: spec.ForEach, Items: spec.Items, MaxIterations: spec.MaxIterations}
	x.Loops = append(x.Loops, f)
	if spec.ForEach && len(spec.Items) == 0 {
		f.Iteration = 0
		e.closeLoop(x, doc, f, StatusSuccess, nil)
		return
	}
	e.startPass(x, step)
}

// startPass makes the loop's first nested step the next to run.
func (e *Engine) startPass(x *Execution, loop *automation.Step) {
	first := loop.Loop.Steps[0]
	x.CurrentStepName, x.CurrentAction = first.Name, first.Action
}

// endPass runs after the last step of a pass: another pass when the loop
// goes on, else the loop step ends.
func (e *Engine) endPass(x *Execution, doc *automation.Document, f *LoopFrame) {
	loop := findStep(doc.MainSteps, f.StepName)
	more, err := e.again(x, loop, f)
	switch {
	case err != nil:
		e.closeLoop(x, doc, f, StatusFailed, Fail(StageInvocation, TypeVerification,
			"The LoopCondition of step %s cannot be evaluated: %v", f.StepName, err))
	case more:
		f.Iteration++
		e.startPass(x, loop)
	default:
		e.closeLoop(x, doc, f, StatusSuccess, nil)
	}
}

// again reports whether the loop makes another pass: for-each while items
// remain, do-while while LoopCondition holds, never past MaxIterations.
func (e *Engine) again(x *Execution, loop *automation.Step, f *LoopFrame) (bool, error) {
	if f.Iteration >= f.MaxIterations {
		return false, nil
	}
	if f.ForEach {
		return f.Iteration < len(f.Items), nil
	}
	if loop.Loop.Condition == nil {
		return false, nil
	}
	return expr.EvalCondition(*loop.Loop.Condition, e.env(x, e.p.Clock.Now()))
}

// closeLoop ends the loop step run of f with status, sets its outputs
// (CurrentIteration, and CurrentIteratorValue of a for-each loop), pops f
// and goes on after the loop step.
func (e *Engine) closeLoop(x *Execution, doc *automation.Document, f *LoopFrame, status string, fail *Failure) {
	se := x.stepRun(f.StepExecutionID)
	x.Loops = slices.DeleteFunc(x.Loops, func(g *LoopFrame) bool { return g == f })
	out := map[string]any{"CurrentIteration": f.Iteration}
	if v := f.value(); v != nil {
		out["CurrentIteratorValue"] = v
	}
	e.setOutputs(se, out)
	e.endStep(x, se, status, fail)
	e.afterStep(x, doc, findStep(doc.MainSteps, f.StepName), se, "")
}

// closeLoops ends every running loop step (innermost first) with the
// status the execution ends with; msg is the failure message of a failed
// execution.
func (e *Engine) closeLoops(x *Execution, status, msg string) {
	for i := len(x.Loops) - 1; i >= 0; i-- {
		se := x.stepRun(x.Loops[i].StepExecutionID)
		if se == nil || terminal(se.Status) {
			continue
		}
		var f *Failure
		if status != StatusSuccess {
			f = Fail(StageInvocation, TypeUnknown, "%s", msg)
		}
		e.endStep(x, se, status, f)
	}
	x.Loops = nil
}
