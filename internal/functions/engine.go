package functions

import (
	"context"
	"encoding/base64"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/tenant"
)

// Invoker returns the Service as the runbook engine's function invoker
// (aws:invokeLambdaFunction; runbooks.Params.Functions).
func (s *Service) Invoker() engine.FunctionInvoker { return invoker{s: s} }

// invoker adapts a Service to engine.FunctionInvoker.
type invoker struct{ s *Service }

// Invoke implements engine.FunctionInvoker: RequestResponse runs the
// function and waits (StatusCode 200), Event queues it (202), DryRun
// checks it (204).
func (i invoker) Invoke(ctx context.Context, req engine.FunctionRequest) (engine.FunctionResult, error) {
	scope := tenant.Scope{AccountID: req.AccountID, Region: req.Region}
	in := InvokeParams{FunctionName: req.FunctionName, Qualifier: req.Qualifier, Payload: req.Payload,
		ClientContext: req.ClientContext}
	switch req.InvocationType {
	case "Event":
		if _, err := i.s.Enqueue(ctx, scope, in); err != nil {
			return engine.FunctionResult{}, err
		}
		return engine.FunctionResult{StatusCode: 202}, nil
	case "DryRun":
		if err := i.s.Check(ctx, scope, in); err != nil {
			return engine.FunctionResult{}, err
		}
		return engine.FunctionResult{StatusCode: 204}, nil
	}
	res, err := i.s.InvokeWith(ctx, scope, in)
	if err != nil {
		return engine.FunctionResult{}, err
	}
	out := engine.FunctionResult{StatusCode: 200, FunctionError: res.FunctionError, Payload: res.Payload}
	if req.LogType == "Tail" {
		out.LogResult = base64.StdEncoding.EncodeToString([]byte(res.Tail))
	}
	return out, nil
}
