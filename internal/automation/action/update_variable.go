package action

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/automation/engine"
)

// UpdateVariable is aws:updateVariable: it sets the runbook variable Name
// ("variable:X") to Value. The variable must be declared by the document.
type UpdateVariable struct{}

// Name implements engine.Action.
func (UpdateVariable) Name() string { return "aws:updateVariable" }

// Run implements engine.Action.
func (UpdateVariable) Run(_ context.Context, s *engine.StepRun) (engine.Result, error) {
	name, err := stringInput(s.Inputs, "Name")
	if err != nil {
		return engine.Result{}, err
	}
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "variable:"))
	if _, ok := s.Execution.Variables[name]; !ok {
		return engine.Result{}, badInput("Variable %q is not declared in the runbook's variables.", name)
	}
	value, ok := s.Inputs["Value"]
	if !ok {
		return engine.Result{}, badInput("Input Value is required.")
	}
	return engine.Result{Variables: map[string]any{name: value}}, nil
}
