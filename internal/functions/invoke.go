package functions

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// FunctionErrorUnhandled is Invoke's X-Amz-Function-Error for a function
// that raised, timed out or crashed.
const FunctionErrorUnhandled = "Unhandled"

// maxClientContext is the most bytes of base64 client context Lambda takes.
const maxClientContext = 3583

// InvokeParams describe one invocation (Lambda's Invoke).
type InvokeParams struct {
	// FunctionName is a name, partial ARN or ARN; Qualifier "" or $LATEST.
	FunctionName, Qualifier string
	// Payload is the JSON event; empty means {}.
	Payload []byte
	// ClientContext is the base64 JSON client context ("" for none).
	ClientContext string
	// RequestID is the invocation's id; "" makes one.
	RequestID string
}

// InvokeResult is what a synchronous invocation answers.
type InvokeResult struct {
	// Payload is the handler's JSON response, or Lambda's error document
	// when FunctionError is set.
	Payload []byte
	// FunctionError is "Unhandled" when the function raised, timed out or
	// crashed; "" when it returned.
	FunctionError string
	// Log is the invocation's log: START, what the function printed, the
	// error, END and REPORT lines; Tail is its last 4 KB (what LogType
	// Tail returns, before base64).
	Log, Tail string
	// RequestID is the invocation's id (the handler's aws_request_id).
	RequestID string
	// ExecutedVersion is always $LATEST.
	ExecutedVersion string
}

// Invoke runs function name (a name, partial ARN or ARN) of scope once
// with payload as the event and waits for its result. A function that
// raised, timed out or crashed is a result with FunctionError set; an
// error means the invocation did not happen (no such function, bad
// payload, no runner).
func (s *Service) Invoke(ctx context.Context, scope tenant.Scope, name string, payload []byte) (InvokeResult, error) {
	return s.InvokeWith(ctx, scope, InvokeParams{FunctionName: name, Payload: payload})
}

// InvokeWith is Invoke with every member of Lambda's synchronous Invoke.
func (s *Service) InvokeWith(ctx context.Context, scope tenant.Scope, in InvokeParams) (InvokeResult, error) {
	if len(in.Payload) > MaxSyncPayload {
		return InvokeResult{}, Errf(CodeRequestTooLarge,
			"Request must be smaller than %d bytes for the InvokeFunction operation", MaxSyncPayload)
	}
	cc, err := checkInvoke(in)
	if err != nil {
		return InvokeResult{}, err
	}
	f, zip, err := s.load(ctx, scope, in.FunctionName, in.Qualifier)
	if err != nil {
		return InvokeResult{}, err
	}
	if in.RequestID == "" {
		in.RequestID = uuid.NewString()
	}
	return s.run(ctx, scope, f, zip, in, cc)
}

// Check answers what a DryRun invocation checks: that the function
// exists and the request is valid.
func (s *Service) Check(ctx context.Context, scope tenant.Scope, in InvokeParams) error {
	if _, err := checkInvoke(in); err != nil {
		return err
	}
	_, err := s.Get(ctx, scope, in.FunctionName, in.Qualifier)
	return err
}

// checkInvoke checks the event and decodes the client context.
func checkInvoke(in InvokeParams) (map[string]any, error) {
	if len(in.Payload) > 0 && !json.Valid(in.Payload) {
		var v any
		err := json.Unmarshal(in.Payload, &v)
		return nil, Errf(CodeInvalidRequestContent, "Could not parse request body into json: Could not parse payload into json: %v", err)
	}
	if in.ClientContext == "" {
		return nil, nil
	}
	bad := Errf(CodeInvalidRequestContent, "Client context must be a valid Base64-encoded JSON object.")
	if len(in.ClientContext) > maxClientContext {
		return nil, Errf(CodeInvalidRequestContent, "Client context must be at most %d bytes of base64.", maxClientContext)
	}
	raw, err := base64.StdEncoding.DecodeString(in.ClientContext)
	if err != nil {
		return nil, bad
	}
	var cc map[string]any
	if err := json.Unmarshal(raw, &cc); err != nil || cc == nil {
		return nil, bad
	}
	return cc, nil
}

// load reads a function and its stored .zip (nil for a directory).
func (s *Service) load(ctx context.Context, scope tenant.Scope, ref, qualifier string) (*Function, []byte, error) {
	name, err := resolve(scope, ref, qualifier)
	if err != nil {
		return nil, nil, err
	}
	var f *Function
	var zip []byte
	err = s.p.Store.View(ctx, func(tx store.Tx) error {
		if f, err = getFunction(tx, scope, name); err != nil || f.CodeDir != "" {
			return err
		}
		zip, err = tx.Get(scope.Bucket(codeKind), name)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, Errf(CodeInvalidZipFile, "The code of function %s is missing from the store: upload it again "+
			"(UpdateFunctionCode).", name)
	}
	return f, zip, err
}

// run invokes f with its code unpacked in a temporary directory (or its
// local directory).
func (s *Service) run(ctx context.Context, scope tenant.Scope, f *Function, zip []byte, in InvokeParams,
	cc map[string]any) (InvokeResult, error) {
	if s.p.Runner == nil {
		return InvokeResult{}, Errf(CodeService, "Salve cannot run functions: it was started without its own URL "+
			"for the handlers' boto3 (the script runner).")
	}
	dir := f.CodeDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "salve-code-")
		if err != nil {
			return InvokeResult{}, fmt.Errorf("invoke %s: %w", f.Name, err)
		}
		defer os.RemoveAll(tmp)
		if err := unpack(zip, tmp); err != nil {
			return InvokeResult{}, Errf(CodeInvalidZipFile, "Lambda was unable to unzip the deployment package: %v", err)
		}
		dir = tmp
	}
	start := s.p.Clock.Now()
	res, err := s.p.Runner.RunFunction(ctx, s.functionParams(scope, f, dir, in, cc))
	return s.result(f, in.RequestID, start, res, err)
}

// functionParams is the runner's view of one invocation of f.
func (s *Service) functionParams(scope tenant.Scope, f *Function, dir string, in InvokeParams,
	cc map[string]any) script.FunctionParams {
	arn := f.ARN
	if in.Qualifier != "" {
		arn += ":" + in.Qualifier
	}
	return script.FunctionParams{Runtime: f.Runtime, Handler: f.Handler, Dir: dir, Event: in.Payload,
		ClientContext: cc, Environment: f.Environment, FunctionName: f.Name, FunctionARN: arn, Version: Version,
		MemoryMB: f.MemorySize, RequestID: in.RequestID, LogGroup: f.LogGroup(), LogStream: s.logStream(),
		Region: scope.Region, AccountID: scope.AccountID, Timeout: time.Duration(f.Timeout) * time.Second}
}

// logStream names a log stream as Lambda does: date/[version]id.
func (s *Service) logStream() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return s.p.Clock.Now().UTC().Format("2006/01/02") + "/[" + Version + "]" + hex.EncodeToString(b)
}

// result turns a run into Invoke's answer: a failed run is a function
// error, except when the host cannot run functions or ctx ended.
func (s *Service) result(f *Function, id string, start time.Time, res script.FunctionResult, runErr error) (InvokeResult, error) {
	out := InvokeResult{Payload: res.Payload, RequestID: id, ExecutedVersion: Version}
	var fail *failure
	if runErr != nil {
		var se *script.Error
		if !errors.As(runErr, &se) {
			return InvokeResult{}, runErr
		}
		if se.Kind == script.KindUnavailable || se.Kind == script.KindUnsupported {
			return InvokeResult{}, Errf(CodeService, "%s", se.Message)
		}
		fail = &failure{err: se, id: id, python: script.IsPythonRuntime(f.Runtime), at: start.Add(res.Duration)}
		out.FunctionError, out.Payload = FunctionErrorUnhandled, fail.document()
	}
	out.Log, out.Tail = invocationLog(f, id, res, fail)
	return out, nil
}
