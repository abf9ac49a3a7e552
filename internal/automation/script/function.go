package script

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Limits of a function run, from Lambda's quotas.
const (
	// MaxFunctionTimeout is the longest a function may run.
	MaxFunctionTimeout = 900 * time.Second
	// InitTimeout is how long a Python function's module may take to
	// import before its handler is called (Lambda's init phase); the
	// function's own timeout starts when the handler is called.
	InitTimeout = 10 * time.Second
	// MaxFunctionResponse is the largest response of an invocation, in
	// bytes (the figure Lambda's error message names).
	MaxFunctionResponse = 6291556
)

// providedRuntime matches the OS-only runtimes, whose code is a bootstrap
// executable.
var providedRuntime = regexp.MustCompile(`^provided(\.al2|\.al2023)?$`)

// IsProvidedRuntime reports whether runtime is an OS-only runtime
// (provided, provided.al2, provided.al2023).
func IsProvidedRuntime(runtime string) bool { return providedRuntime.MatchString(runtime) }

// IsPythonRuntime reports whether runtime is a Python 3 runtime.
func IsPythonRuntime(runtime string) bool { return pythonRuntime.MatchString(runtime) }

// FunctionParams describe one invocation of a Lambda-style function.
type FunctionParams struct {
	// Runtime is python3.x (any minor version runs on the Runner's
	// interpreter) or provided, provided.al2, provided.al2023.
	Runtime string
	// Handler is module.function for Python (the module a dotted or
	// slashed path under Dir); a provided runtime gets it as _HANDLER.
	Handler string
	// Dir holds the function's code: the working directory, and first on
	// sys.path. A provided runtime runs Dir/bootstrap.
	Dir string
	// Event is the JSON event; empty means {}.
	Event []byte
	// ClientContext is the caller's client context (nil for none).
	ClientContext map[string]any
	// Environment holds the function's own variables; they override
	// Salve's (Lambda refuses the reserved names before they get here).
	Environment map[string]string
	// FunctionName, FunctionARN (as invoked), Version ("$LATEST" when
	// empty) and MemoryMB describe the function to its context.
	FunctionName, FunctionARN, Version string
	MemoryMB                           int
	// RequestID is the invocation's id (context.aws_request_id).
	RequestID string
	// LogGroup and LogStream name where Lambda would have logged.
	LogGroup, LogStream string
	// Region and AccountID address boto3's calls.
	Region, AccountID string
	// Timeout is the function's limit, 1 s to MaxFunctionTimeout.
	Timeout time.Duration
}

// FunctionResult is what a function run produced, whether it failed or
// not.
type FunctionResult struct {
	// Payload is the handler's response: JSON as the runtime encoded it.
	Payload []byte
	// Log is what the function printed (cut to the Runner's MaxLog);
	// LogTail is its last TailBytes; LogTruncated says Log lost some.
	Log, LogTail string
	LogTruncated bool
	// Duration is how long the handler ran (for Python, from its call).
	Duration time.Duration
	// MaxMemoryMB is the process's peak resident memory (0 if unknown).
	MaxMemoryMB int
}

// RunFunction invokes a function once. A failed run returns an *Error
// whose Type is the Lambda error type (the exception's class, or
// Runtime.ExitError, Sandbox.Timedout, …), with the log in the result.
func (r *Runner) RunFunction(ctx context.Context, fp FunctionParams) (FunctionResult, error) {
	if err := checkFunction(fp); err != nil {
		return FunctionResult{}, err
	}
	dir, err := os.MkdirTemp("", "salve-function-")
	if err != nil {
		return FunctionResult{}, fmt.Errorf("run function: %w", err)
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd, pipe, err := r.functionCommand(ctx, dir, fp)
	if err != nil {
		return FunctionResult{}, err
	}
	c, err := r.start(cmd, pipe)
	if err != nil {
		return FunctionResult{}, startFailure(fp, err)
	}
	return r.finish(ctx, cancel, c, fp)
}

// checkFunction refuses invocations Salve cannot perform.
func checkFunction(fp FunctionParams) error {
	switch {
	case !IsPythonRuntime(fp.Runtime) && !IsProvidedRuntime(fp.Runtime):
		return unsupported("Runtime %q cannot run in Salve: use python3.x or provided.al2023.", fp.Runtime)
	case IsPythonRuntime(fp.Runtime) && strings.TrimSpace(fp.Handler) == "":
		return unsupported("A Python function needs a Handler (module.function).")
	case fp.Timeout <= 0 || fp.Timeout > MaxFunctionTimeout:
		return unsupported("Timeout %s is outside 1 s to %s.", fp.Timeout, MaxFunctionTimeout)
	}
	if st, err := os.Stat(fp.Dir); err != nil || !st.IsDir() {
		return &Error{Kind: KindCrash, Type: "Runtime.InvalidWorkingDirectory",
			Message: fmt.Sprintf("The function's code directory %s cannot be read: %v", fp.Dir, err)}
	}
	return nil
}

// functionCommand prepares the process of one invocation in dir.
func (r *Runner) functionCommand(ctx context.Context, dir string, fp FunctionParams) (*exec.Cmd, resultPipe, error) {
	home := filepath.Join(dir, "home")
	if err := os.Mkdir(home, 0o700); err != nil {
		return nil, resultPipe{}, fmt.Errorf("run function: %w", err)
	}
	event := fp.Event
	if len(bytes.TrimSpace(event)) == 0 {
		event = []byte("{}")
	}
	if IsProvidedRuntime(fp.Runtime) {
		cmd := exec.CommandContext(ctx, filepath.Join(fp.Dir, "bootstrap"))
		cmd.Dir, cmd.Env, cmd.Stdin = fp.Dir, r.functionEnviron(home, fp), bytes.NewReader(event)
		return cmd, resultPipe{stdout: true, limit: MaxFunctionResponse}, nil
	}
	cmd, err := r.pythonFunction(ctx, dir, home, fp, event)
	return cmd, resultPipe{marker: true, limit: MaxFunctionResponse + 64*1024}, err
}

// functionRequest is what the bootstrap reads on stdin for a function.
type functionRequest struct {
	Mode    string         `json:"mode"`
	Handler string         `json:"handler"`
	Event   string         `json:"event"`
	Context map[string]any `json:"context"`
}

// pythonFunction is the bootstrap's command line for a Python function.
func (r *Runner) pythonFunction(ctx context.Context, dir, home string, fp FunctionParams, event []byte) (*exec.Cmd, error) {
	python, err := r.python()
	if err != nil {
		return nil, err
	}
	boot := filepath.Join(dir, "bootstrap.py")
	if err := os.WriteFile(boot, bootstrap, 0o600); err != nil {
		return nil, fmt.Errorf("run function: %w", err)
	}
	in, err := json.Marshal(functionRequest{Mode: "function", Handler: fp.Handler, Event: string(event),
		Context: map[string]any{"aws_request_id": fp.RequestID, "invoked_function_arn": fp.FunctionARN,
			"timeout_ms": fp.Timeout.Milliseconds(), "client_context": fp.ClientContext}})
	if err != nil {
		return nil, unsupported("The client context cannot be passed to Python as JSON: %v", err)
	}
	cmd := exec.CommandContext(ctx, python, boot)
	cmd.Dir, cmd.Env, cmd.Stdin = fp.Dir, r.functionEnviron(home, fp), bytes.NewReader(in)
	return cmd, nil
}

// functionEnviron is a function's environment: boto3's settings, the
// variables Lambda sets, then the function's own.
func (r *Runner) functionEnviron(home string, fp FunctionParams) []string {
	version := fp.Version
	if version == "" {
		version = "$LATEST"
	}
	env := append(r.environ(home, fp.Region, fp.AccountID),
		"AWS_LAMBDA_FUNCTION_NAME="+fp.FunctionName,
		"AWS_LAMBDA_FUNCTION_VERSION="+version,
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE="+strconv.Itoa(fp.MemoryMB),
		"AWS_LAMBDA_LOG_GROUP_NAME="+fp.LogGroup,
		"AWS_LAMBDA_LOG_STREAM_NAME="+fp.LogStream,
		"AWS_LAMBDA_INITIALIZATION_TYPE=on-demand",
		"AWS_EXECUTION_ENV=AWS_Lambda_"+fp.Runtime,
		"LAMBDA_TASK_ROOT="+fp.Dir,
		"LAMBDA_RUNTIME_DIR="+filepath.Dir(home),
		"_HANDLER="+fp.Handler,
		"TZ=:UTC",
	)
	keys := make([]string, 0, len(fp.Environment))
	for k := range fp.Environment {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		env = append(env, k+"="+fp.Environment[k])
	}
	return env
}

// startFailure is the error of a process that could not start.
func startFailure(fp FunctionParams, err error) error {
	if !IsProvidedRuntime(fp.Runtime) {
		return &Error{Kind: KindUnavailable, Message: fmt.Sprintf("Python could not be started: %v", err)}
	}
	msg := err.Error()
	if errors.Is(err, os.ErrNotExist) {
		msg = fmt.Sprintf("Couldn't find valid bootstrap(s): [%s]", filepath.Join(fp.Dir, "bootstrap"))
	}
	return &Error{Kind: KindCrash, Type: "Runtime.InvalidEntrypoint", Message: msg}
}

// finish waits for the invocation under its timeout and reads its result.
func (r *Runner) finish(ctx context.Context, cancel context.CancelFunc, c *child, fp FunctionParams) (FunctionResult, error) {
	w := watch(c, fp, cancel)
	out, tooLarge, waitErr := c.wait()
	w.stop()
	res := FunctionResult{Log: c.log.String(), LogTail: c.log.Tail(), LogTruncated: c.log.dropped > 0,
		Duration: time.Since(time.Unix(0, w.started.Load())), MaxMemoryMB: peakMemoryMB(c.cmd.ProcessState)}
	switch {
	case w.timedOut.Load():
		return res, &Error{Kind: KindTimeout, Type: "Sandbox.Timedout",
			Message: fmt.Sprintf("Task timed out after %.2f seconds", fp.Timeout.Seconds())}
	case ctx.Err() != nil:
		return res, fmt.Errorf("run function: %w", context.Cause(ctx))
	case tooLarge:
		return res, responseTooLarge()
	}
	var err error
	if IsProvidedRuntime(fp.Runtime) {
		res.Payload, err = decodeProvided(out, waitErr)
	} else {
		res.Payload, err = decodeFunction(out, waitErr)
	}
	return res, err
}

// watcher enforces an invocation's timeout.
type watcher struct {
	// started is when the handler was called (UnixNano).
	started  atomic.Int64
	timedOut atomic.Bool
	timer    *time.Timer
	ended    chan struct{}
}

// watch cancels the invocation at its timeout. For Python the timeout
// starts when the bootstrap calls the handler; the module's import has
// InitTimeout of its own.
func watch(c *child, fp FunctionParams, cancel context.CancelFunc) *watcher {
	w := &watcher{ended: make(chan struct{})}
	w.started.Store(time.Now().UnixNano())
	limit := fp.Timeout
	if !IsProvidedRuntime(fp.Runtime) {
		limit += InitTimeout
	}
	w.timer = time.AfterFunc(limit, func() { w.timedOut.Store(true); cancel() })
	go func() {
		select {
		case <-c.started:
			w.started.Store(time.Now().UnixNano())
			w.timer.Reset(fp.Timeout)
		case <-w.ended:
		}
	}()
	return w
}

// stop ends the watch once the process ended.
func (w *watcher) stop() {
	close(w.ended)
	w.timer.Stop()
}

// responseTooLarge is the error of a response over MaxFunctionResponse.
func responseTooLarge() *Error {
	return &Error{Kind: KindTooLarge, Type: "Function.ResponseSizeTooLarge",
		Message: fmt.Sprintf("Response payload size exceeded maximum allowed payload size (%d bytes).", MaxFunctionResponse)}
}

// exited is the error of a runtime that ended without a response.
func exited(waitErr error) *Error {
	msg := "Runtime exited without providing a reason"
	if waitErr != nil {
		msg = "Runtime exited with error: " + waitErr.Error()
	}
	return &Error{Kind: KindCrash, Type: "Runtime.ExitError", Message: msg}
}

// decodeFunction turns a Python function's result into its payload or an
// *Error.
func decodeFunction(out []byte, waitErr error) ([]byte, error) {
	if len(bytes.TrimSpace(out)) == 0 {
		return nil, exited(waitErr)
	}
	var o outcome
	if err := json.Unmarshal(out, &o); err != nil || (!o.OK && o.Error == nil) {
		return nil, &Error{Kind: KindCrash, Type: "Runtime.InvalidResponse",
			Message: "The function wrote something Salve cannot read to file descriptor 3, where the runtime writes its response."}
	}
	if !o.OK {
		e := o.Error
		return nil, &Error{Kind: KindException, Type: e.Type, Message: e.Message, Traceback: e.Traceback, Stack: e.Stack}
	}
	if len(o.Payload) == 0 {
		return []byte("null"), nil
	}
	if len(o.Payload) > MaxFunctionResponse {
		return nil, responseTooLarge()
	}
	return o.Payload, nil
}

// providedError is the error document a provided runtime's bootstrap may
// print before exiting with a non-zero status.
type providedError struct {
	ErrorMessage string   `json:"errorMessage"`
	ErrorType    string   `json:"errorType"`
	StackTrace   []string `json:"stackTrace"`
}

// decodeProvided turns a bootstrap's standard output into its payload or
// an *Error: a zero exit answers the output (JSON; nothing means null),
// a non-zero exit fails, with the error document printed if any.
func decodeProvided(out []byte, waitErr error) ([]byte, error) {
	out = bytes.TrimSpace(out)
	if waitErr != nil {
		var pe providedError
		if json.Unmarshal(out, &pe) == nil && (pe.ErrorMessage != "" || pe.ErrorType != "") {
			return nil, &Error{Kind: KindException, Type: pe.ErrorType, Message: pe.ErrorMessage, Stack: pe.StackTrace}
		}
		return nil, exited(waitErr)
	}
	if len(out) == 0 {
		return []byte("null"), nil
	}
	if !json.Valid(out) {
		return nil, &Error{Kind: KindCrash, Type: "Runtime.InvalidResponse",
			Message: "The bootstrap's standard output is not JSON: " + lastChars(strings.ToValidUTF8(string(out), "?"), 200)}
	}
	return out, nil
}
