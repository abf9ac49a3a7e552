package engine

import "context"

// FunctionInvoker runs Lambda-style handlers for aws:invokeLambdaFunction.
// The host implements it (the events issue plugs its handler seam in
// here); the engine only passes it to actions.
type FunctionInvoker interface {
	// Invoke runs the function once and returns its result. An error is a
	// failed invocation (the function does not exist, the caller may not
	// run it); a function that ran and raised reports FunctionError.
	Invoke(ctx context.Context, req FunctionRequest) (FunctionResult, error)
}

// FunctionRequest is one invocation, with the members of Lambda's Invoke.
type FunctionRequest struct {
	// FunctionName is a name, partial ARN or ARN; Qualifier a version or
	// alias ("" for $LATEST).
	FunctionName, Qualifier string
	// InvocationType is RequestResponse, Event or DryRun.
	InvocationType string
	// LogType is None or Tail.
	LogType string
	// ClientContext is the base64 client context, "" for none.
	ClientContext string
	// Payload is the JSON event.
	Payload []byte
	// Region and AccountID address the call; RoleArn is the role the
	// automation assumed ("" for the caller's permissions).
	Region, AccountID, RoleArn string
}

// FunctionResult is what Lambda's Invoke returns.
type FunctionResult struct {
	StatusCode int
	// FunctionError is "Unhandled" (or the handler's own text) when the
	// function raised; "" when it returned.
	FunctionError string
	// LogResult is the base64 tail of the log when LogType was Tail.
	LogResult string
	// Payload is the function's JSON response.
	Payload []byte
}
