package engine

import (
	"errors"
	"maps"
	"strings"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/automation/selector"
)

// NoOutputYet is the value AWS reports for a document output whose step
// did not produce it.
const NoOutputYet = "No output available yet because the step is not successfully executed"

// stepOutputs computes a step's outputs: the ones the action named, then
// each declared output's selector applied to the response. A selector that
// finds nothing leaves its output unset; one that cannot be compiled or
// converted to the declared Type fails the step.
func stepOutputs(step *automation.Step, res Result) (map[string]any, *Failure) {
	typed := map[string]any{}
	maps.Copy(typed, res.Outputs)
	for _, o := range step.Outputs {
		v, ok, err := selectOutput(o, res.Response)
		if err != nil {
			return typed, Fail(StageInvocation, TypeVerification, "Output %s of step %s: %v", o.Name, step.Name, err)
		}
		if ok {
			typed[o.Name] = v
		}
	}
	return typed, nil
}

// selectOutput applies one declared output to the response.
func selectOutput(o automation.Output, response any) (any, bool, error) {
	sel, err := selector.Compile(o.Selector)
	if err != nil {
		return nil, false, err
	}
	values, found := sel.Select(response)
	if !found {
		return nil, false, nil
	}
	v, err := selector.Convert(values, sel.Definite(), o.Type)
	if errors.Is(err, selector.ErrNoValue) {
		return nil, false, nil
	}
	return v, err == nil, err
}

// apiValues renders an output as the API shows it: a list of strings,
// one per list element; maps as JSON.
func apiValues(v any) []string {
	list, ok := v.([]any)
	if !ok {
		return []string{expr.Stringify(v)}
	}
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = expr.Stringify(e)
	}
	return out
}

// documentOutputs collects the document outputs ("Step.Output") from the
// latest run of each step.
func documentOutputs(x *Execution, doc *automation.Document) map[string][]string {
	if len(doc.Outputs) == 0 {
		return nil
	}
	out := make(map[string][]string, len(doc.Outputs))
	for _, name := range doc.Outputs {
		out[name] = []string{NoOutputYet}
		stepName, field, _ := strings.Cut(name, ".")
		if se := x.latest(stepName); se != nil {
			if v, ok := se.TypedOutputs[field]; ok {
				out[name] = apiValues(v)
			}
		}
	}
	return out
}
