package action

import (
	"context"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
)

// Branch is aws:branch: it evaluates the step's Choices in order and goes
// to the NextStep of the first true one, else to Default; with neither the
// engine goes on in array order (or stops when the step isEnd).
type Branch struct{}

// Name implements engine.Action.
func (Branch) Name() string { return "aws:branch" }

// Run implements engine.Action.
func (Branch) Run(_ context.Context, s *engine.StepRun) (engine.Result, error) {
	if s.Step.Branch == nil {
		return engine.Result{}, badInput("Step %s has no parsed Choices.", s.Step.Name)
	}
	next, _, err := expr.Choose(s.Step.Branch, s.Lookup)
	if err != nil {
		return engine.Result{}, badInput("Step %s: %v", s.Step.Name, err)
	}
	return engine.Result{NextStep: next}, nil
}
