package action

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/selector"
)

// AssertAwsResourceProperty is aws:assertAwsResourceProperty: it calls the
// API once and succeeds when the value PropertySelector selects (compared
// as Python's str() prints it, so booleans are True/False) is one of
// DesiredValues; otherwise the attempt fails.
type AssertAwsResourceProperty struct{}

// Name implements engine.Action.
func (AssertAwsResourceProperty) Name() string { return "aws:assertAwsResourceProperty" }

// Run implements engine.Action.
func (AssertAwsResourceProperty) Run(ctx context.Context, s *engine.StepRun) (engine.Result, error) {
	p, err := propertyInputs(s.Inputs)
	if err != nil {
		return engine.Result{}, err
	}
	ok, got, err := p.check(ctx, s)
	if err != nil || ok {
		return engine.Result{}, err
	}
	return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeVerification,
		"The property %s is %s, not one of the desired values [%s].", p.sel, got, strings.Join(p.desired, ", "))
}

// property is the check shared by assert and waitFor.
type property struct {
	call    apiCall
	sel     *selector.Selector
	desired []string
}

// propertyInputs reads the inputs of assert and waitFor.
func propertyInputs(in map[string]any) (*property, error) {
	c, err := callInputs(in, "PropertySelector", "DesiredValues")
	if err != nil {
		return nil, err
	}
	expr, err := stringInput(in, "PropertySelector")
	if err != nil {
		return nil, err
	}
	sel, err := selector.Compile(expr)
	if err != nil {
		return nil, badInput("PropertySelector: %v", err)
	}
	desired, err := stringsInput(in, "DesiredValues")
	if err != nil {
		return nil, err
	}
	if len(desired) == 0 {
		return nil, badInput("Input DesiredValues must list at least one value.")
	}
	return &property{call: c, sel: sel, desired: desired}, nil
}

// check calls the API and reports whether the selected property is
// desired, and what was selected (for messages).
func (p *property) check(ctx context.Context, s *engine.StepRun) (bool, string, error) {
	resp, err := s.Call(ctx, p.call.service, p.call.api, p.call.input)
	if err != nil {
		return false, "", callFailure(p.call, err)
	}
	values, found := p.sel.Select(resp)
	if !found {
		return false, "missing from the response", nil
	}
	got := make([]string, len(values))
	for i, v := range values {
		got[i] = selector.PythonString(v)
	}
	return selector.MatchesDesired(values, p.sel.Definite(), p.desired), "[" + strings.Join(got, ", ") + "]", nil
}
