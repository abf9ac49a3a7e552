package action

import (
	"context"
	"maps"
	"slices"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
)

// ExecuteAutomation is aws:executeAutomation: it starts a child automation
// of DocumentName (DocumentVersion optional) with RuntimeParameters
// through the host's engine.ChildStarter, then polls the child every
// PollInterval until it ends. Outputs: ExecutionId, Status, and Output,
// the child's document outputs as one StringList (the values of each
// output, outputs in name order). A child that does not end Success fails
// the step, outputs still set.
//
// The rate-control inputs (Targets, TargetParameterName, TargetMaps,
// MaxConcurrency, MaxErrors, TargetLocations) are refused for now. A
// cancelled parent does not cancel its child.
type ExecuteAutomation struct{}

// Name implements engine.Action.
func (ExecuteAutomation) Name() string { return "aws:executeAutomation" }

// childKey is where the step state keeps the child's execution id.
const childKey = "ChildExecutionId"

// rateControl are the inputs of rate-controlled children, not run yet.
var rateControl = []string{"Targets", "TargetParameterName", "TargetMaps", "MaxConcurrency", "MaxErrors",
	"TargetLocations"}

// Run implements engine.Action.
func (ExecuteAutomation) Run(ctx context.Context, s *engine.StepRun) (engine.Result, error) {
	if s.Children == nil {
		return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"This Salve host cannot start child automations, so aws:executeAutomation cannot run.")
	}
	id, _ := s.State.State[childKey].(string)
	if id == "" {
		var err error
		if id, err = startChild(ctx, s); err != nil {
			return engine.Result{}, err
		}
	}
	status, outputs, err := s.Children.ChildStatus(ctx, id)
	if err != nil {
		return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"Reading child automation %s failed: %v", id, err)
	}
	if !childEnded(status) {
		return engine.Result{Wait: &engine.Wait{Until: s.Now.Add(PollInterval)}}, nil
	}
	return childResult(id, status, outputs)
}

// startChild starts the child and keeps its id in the step state.
func startChild(ctx context.Context, s *engine.StepRun) (string, error) {
	req, err := childRequest(s)
	if err != nil {
		return "", err
	}
	id, err := s.Children.StartChild(ctx, req)
	if err != nil {
		return "", engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"Starting a child automation of %s failed: %v", req.DocumentName, err)
	}
	if s.State.State == nil {
		s.State.State = engine.Values{}
	}
	s.State.State[childKey] = id
	return id, nil
}

// childRequest reads the inputs into a ChildRequest.
func childRequest(s *engine.StepRun) (engine.ChildRequest, error) {
	for _, k := range rateControl {
		if _, ok := s.Inputs[k]; ok {
			return engine.ChildRequest{}, badInput("Input %s asks for a rate-controlled child automation, "+
				"which aws:executeAutomation in Salve does not run yet; start the child for one target.", k)
		}
	}
	name, err := stringInput(s.Inputs, "DocumentName")
	if err != nil {
		return engine.ChildRequest{}, err
	}
	req := engine.ChildRequest{ParentID: s.Execution.AutomationExecutionID, DocumentName: name}
	if _, ok := s.Inputs["DocumentVersion"]; ok {
		if req.DocumentVersion, err = stringInput(s.Inputs, "DocumentVersion"); err != nil {
			return engine.ChildRequest{}, err
		}
	}
	req.Parameters, err = runtimeParameters(s.Inputs["RuntimeParameters"])
	return req, err
}

// runtimeParameters turns RuntimeParameters into StartAutomationExecution
// parameters: a list gives one string per element, anything else one
// string (maps as JSON).
func runtimeParameters(v any) (map[string][]string, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, badInput("Input RuntimeParameters must be a map of parameter names to values, not %s.", describe(v))
	}
	out := make(map[string][]string, len(m))
	for k, val := range m {
		list, ok := val.([]any)
		if !ok {
			out[k] = []string{expr.Stringify(val)}
			continue
		}
		out[k] = make([]string, len(list))
		for i, e := range list {
			out[k][i] = expr.Stringify(e)
		}
	}
	return out, nil
}

// childEnded reports a final child status.
func childEnded(status string) bool {
	switch status {
	case engine.StatusSuccess, engine.StatusFailed, engine.StatusTimedOut, engine.StatusCancelled,
		"CompletedWithSuccess", "CompletedWithFailure", "Exited":
		return true
	}
	return false
}

// childResult is the step's result for an ended child.
func childResult(id, status string, outputs map[string][]string) (engine.Result, error) {
	values := []any{}
	for _, k := range slices.Sorted(maps.Keys(outputs)) {
		for _, v := range outputs[k] {
			values = append(values, v)
		}
	}
	out := map[string]any{"ExecutionId": id, "Status": status, "Output": values}
	res := engine.Result{Response: out, Outputs: out}
	if status == engine.StatusSuccess || status == "CompletedWithSuccess" {
		return res, nil
	}
	return res, engine.Fail(engine.StageInvocation, engine.TypeUnknown,
		"The child automation %s ended with status %s.", id, status)
}
