package action

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/selector"
)

// UpdateVariable is aws:updateVariable: it sets the runbook variable Name
// ("variable:X") to Value, converted to the variable's declared type (a
// String variable given a number stores its text; an Integer or Boolean
// variable given a string that spells one stores the number or boolean; a
// StringMap or MapList variable accepts JSON text). The variable must be
// declared by the document; a value that does not convert fails the step.
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
	typ, ok := variableType(s, name)
	if !ok {
		return engine.Result{}, badInput("Variable %q is not declared in the runbook's variables.", name)
	}
	value, ok := s.Inputs["Value"]
	if !ok {
		return engine.Result{}, badInput("Input Value is required.")
	}
	typed, err := convertTo(value, typ)
	if err != nil {
		return engine.Result{}, badInput("Value %s cannot be stored in variable %s: %v", describe(value), name, err)
	}
	return engine.Result{Variables: map[string]any{name: typed}}, nil
}

// variableType is the declared type of a runbook variable ("" when the
// document is not at hand and only the execution's variables say it is
// declared).
func variableType(s *engine.StepRun, name string) (string, bool) {
	if s.Document != nil {
		for _, v := range s.Document.Variables {
			if v.Name == name {
				return v.Type, true
			}
		}
		return "", false
	}
	_, ok := s.Execution.Variables[name]
	return "", ok
}

// convertTo converts a runbook value to a parameter type ("" and the
// AWS:: resource types are String) with the output conversions of
// package selector; JSON text is accepted for StringMap, MapList and
// StringList.
func convertTo(v any, typ string) (any, error) {
	if typ == "" || automation.IsStringType(typ) {
		typ = automation.TypeString
	}
	if text, ok := v.(string); ok && typ != automation.TypeString {
		var parsed any
		if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			if json.Unmarshal([]byte(t), &parsed) == nil {
				v = parsed
			}
		}
	}
	out, err := selector.Convert([]any{v}, true, typ)
	if errors.Is(err, selector.ErrNoValue) {
		return nil, errors.New("it is empty")
	}
	return out, err
}
