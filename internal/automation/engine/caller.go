package engine

import (
	"context"
	"strings"
	"unicode"
)

// AWSCaller calls AWS APIs for runbook steps (DESIGN.md §7): the service's
// boto3 client name, the operation's PascalCase name and a JSON-shaped
// input give a boto3-shaped JSON response or an error (an awserr error for
// an AWS error).
type AWSCaller interface {
	Call(ctx context.Context, req CallRequest) (map[string]any, error)
}

// CallRequest is one AWS API call.
type CallRequest struct {
	// Service is the boto3 client name, e.g. "ec2", "s3control".
	Service string
	// API is the operation name in PascalCase, e.g. "PutBucketVersioning".
	API string
	// Input is the request, member names as in the API model.
	Input map[string]any
	// Region and AccountID address the call; RoleArn is the role the
	// automation assumed ("" for the caller's permissions).
	Region, AccountID, RoleArn string
	// AutomationExecutionID is the execution making the call ("" for
	// calls that are not a runbook's), so the audit trail can link them.
	AutomationExecutionID string
}

// CallerFunc adapts a function to AWSCaller.
type CallerFunc func(ctx context.Context, req CallRequest) (map[string]any, error)

// Call implements AWSCaller.
func (f CallerFunc) Call(ctx context.Context, req CallRequest) (map[string]any, error) {
	return f(ctx, req)
}

// NormalizeAPI turns an operation name written as runbooks write it
// (PascalCase "PutBucketVersioning", lowerCamel "putBucketVersioning",
// boto3 snake_case "put_bucket_versioning") into PascalCase.
func NormalizeAPI(api string) string {
	api = strings.TrimSpace(api)
	if !strings.Contains(api, "_") {
		return upperFirst(api)
	}
	var b strings.Builder
	for _, part := range strings.Split(api, "_") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

// upperFirst upper-cases the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// ChildStarter starts child automations for aws:executeAutomation. The
// host implements it; the engine only passes it to actions.
type ChildStarter interface {
	// StartChild starts a child execution and returns its id.
	StartChild(ctx context.Context, req ChildRequest) (string, error)
	// ChildStatus reports a child's status and, once it has finished, its
	// document outputs.
	ChildStatus(ctx context.Context, id string) (status string, outputs map[string][]string, err error)
}

// ChildRequest starts one child automation.
type ChildRequest struct {
	ParentID        string
	DocumentName    string
	DocumentVersion string
	// Parameters are the child's parameters as StartAutomationExecution
	// takes them.
	Parameters map[string][]string
}
