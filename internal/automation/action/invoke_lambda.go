package action

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
)

// MaxLambdaDuration is the timeout of an aws:invokeLambdaFunction step
// that sets no timeoutSeconds (AWS caps the action at 300 s).
const MaxLambdaDuration = 300 * time.Second

// InvokeLambdaFunction is aws:invokeLambdaFunction: it runs FunctionName
// (Qualifier, InvocationType, LogType, ClientContext as Lambda's Invoke
// takes them) through the host's engine.FunctionInvoker with InputPayload
// (a map, sent as JSON) or else Payload (JSON text) as the event. Outputs:
// StatusCode, FunctionError, LogResult and Payload. A function that raised
// still succeeds the step, with FunctionError set, so that later steps can
// branch on it; an invocation that fails (no such function) fails the
// step. Without a FunctionInvoker every such step fails.
type InvokeLambdaFunction struct{}

// Name implements engine.Action.
func (InvokeLambdaFunction) Name() string { return "aws:invokeLambdaFunction" }

// DefaultTimeout implements engine.DefaultTimeouter.
func (InvokeLambdaFunction) DefaultTimeout() time.Duration { return MaxLambdaDuration }

// Run implements engine.Action.
func (InvokeLambdaFunction) Run(ctx context.Context, s *engine.StepRun) (engine.Result, error) {
	if s.Functions == nil {
		return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"Lambda-style handlers are not available yet.")
	}
	req, err := functionRequest(s)
	if err != nil {
		return engine.Result{}, err
	}
	res, err := s.Functions.Invoke(ctx, req)
	if err != nil {
		return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"Invoking function %s failed: %v", req.FunctionName, err)
	}
	out := map[string]any{"StatusCode": res.StatusCode, "FunctionError": res.FunctionError,
		"LogResult": res.LogResult, "Payload": string(res.Payload)}
	return engine.Result{Response: out, Outputs: out}, nil
}

// functionRequest reads the inputs into a FunctionRequest.
func functionRequest(s *engine.StepRun) (engine.FunctionRequest, error) {
	x := s.Execution
	req := engine.FunctionRequest{InvocationType: "RequestResponse", LogType: "None",
		Region: x.Region, AccountID: x.AccountID, RoleArn: x.AssumeRole}
	var err error
	if req.FunctionName, err = stringInput(s.Inputs, "FunctionName"); err != nil {
		return req, err
	}
	for key, dst := range map[string]*string{"Qualifier": &req.Qualifier, "InvocationType": &req.InvocationType,
		"LogType": &req.LogType, "ClientContext": &req.ClientContext} {
		if _, ok := s.Inputs[key]; ok {
			if *dst, err = stringInput(s.Inputs, key); err != nil {
				return req, err
			}
		}
	}
	if !slices.Contains([]string{"Event", "RequestResponse", "DryRun"}, req.InvocationType) {
		return req, badInput("InvocationType %q must be Event, RequestResponse or DryRun.", req.InvocationType)
	}
	if !slices.Contains([]string{"None", "Tail"}, req.LogType) {
		return req, badInput("LogType %q must be None or Tail.", req.LogType)
	}
	req.Payload, err = functionPayload(s.Inputs)
	return req, err
}

// functionPayload is InputPayload as JSON, else Payload, else {}.
func functionPayload(in map[string]any) ([]byte, error) {
	if v, ok := in["InputPayload"]; ok {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, badInput("InputPayload cannot be sent as JSON: %v", err)
		}
		return b, nil
	}
	switch p := in["Payload"].(type) {
	case nil:
		return []byte("{}"), nil
	case string:
		if !json.Valid([]byte(p)) {
			return nil, badInput("Payload must be JSON text, not %s.", describe(p))
		}
		return []byte(p), nil
	default:
		return json.Marshal(p)
	}
}
