package script

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// Limits of a run, from the aws:executeScript reference.
const (
	// MaxRunTime is the longest a script may run.
	MaxRunTime = 600 * time.Second
	// MaxPayload is the largest JSON result, in bytes.
	MaxPayload = 100 * 1024
	// MaxListItems is how many items of a list Payload are kept.
	MaxListItems = 100
	// DefaultMaxLog is how much of the script's output is kept.
	DefaultMaxLog = 64 * 1024
)

// Params configure a Runner.
type Params struct {
	// Python is the interpreter: a path or a name looked up on PATH
	// ("python3" when empty).
	Python string
	// Endpoint is the URL boto3 calls (AWS_ENDPOINT_URL): Salve's own
	// address. Required.
	Endpoint string
	// Remote, when set, is the URL boto3 calls for every service Salve
	// does not serve (AWS_ENDPOINT_URL_<SERVICE>): the runbook caller's
	// real endpoint (salve serve --aws-endpoint).
	Remote string
	// RemoteEndpoints overrides Remote per service, by boto3 client name.
	RemoteEndpoints map[string]string
	// Served lists the boto3 client names Salve serves at Endpoint; they
	// never go to Remote.
	Served []string
	// MaxRunTime caps every script run (MaxRunTime when zero or larger);
	// function runs have their own timeout (up to MaxFunctionTimeout).
	MaxRunTime time.Duration
	// MaxPayload caps the JSON result in bytes (MaxPayload when zero).
	MaxPayload int
	// MaxLog caps the kept output in bytes (DefaultMaxLog when zero); the
	// last TailBytes are kept too.
	MaxLog int
}

// Runner runs Python handlers. It is safe for concurrent use.
type Runner struct {
	p Params
}

// New returns a Runner, filling in the defaults of p.
func New(p Params) (*Runner, error) {
	if p.Endpoint == "" {
		return nil, errors.New("script runner: an endpoint URL for boto3 is required")
	}
	if p.Python == "" {
		p.Python = "python3"
	}
	if p.MaxRunTime <= 0 || p.MaxRunTime > MaxRunTime {
		p.MaxRunTime = MaxRunTime
	}
	if p.MaxPayload <= 0 {
		p.MaxPayload = MaxPayload
	}
	if p.MaxLog <= 0 {
		p.MaxLog = DefaultMaxLog
	}
	return &Runner{p: p}, nil
}

// RunParams describe one run.
type RunParams struct {
	// Runtime is the step's Runtime ("python3.11"; any python3.x runs on
	// the Runner's interpreter).
	Runtime string
	// Handler is the function to call.
	Handler string
	// Script is the inline Python code.
	Script string
	// InputPayload is the handler's first argument (events).
	InputPayload map[string]any
	// Region and AccountID address boto3's calls; Role is the role the
	// automation assumed ("" for none); ExecutionID names the execution.
	Region, AccountID, Role, ExecutionID string
	// Timeout is the step's own limit; zero or more than the Runner's cap
	// means the cap.
	Timeout time.Duration
}

// Result is what a successful run produced.
type Result struct {
	// Payload is the handler's return value decoded from JSON (integral
	// numbers as int).
	Payload any
	// Log is what the script printed, stdout and stderr interleaved, cut
	// to the Runner's MaxLog.
	Log string
}

// Run runs the handler of rp. A failed run returns an *Error, with the
// log gathered so far in Result.Log.
func (r *Runner) Run(ctx context.Context, rp RunParams) (Result, error) {
	if err := check(rp); err != nil {
		return Result{}, err
	}
	dir, err := os.MkdirTemp("", "salve-script-")
	if err != nil {
		return Result{}, fmt.Errorf("run script: %w", err)
	}
	defer os.RemoveAll(dir)
	return r.run(ctx, dir, rp)
}

// timeout is the limit of one run.
func (r *Runner) timeout(rp RunParams) time.Duration {
	if rp.Timeout > 0 && rp.Timeout < r.p.MaxRunTime {
		return rp.Timeout
	}
	return r.p.MaxRunTime
}

// python finds the interpreter.
func (r *Runner) python() (string, error) {
	path, err := exec.LookPath(r.p.Python)
	if err != nil {
		return "", &Error{Kind: KindUnavailable,
			Message: fmt.Sprintf("The Python interpreter %q was not found: install Python 3 with boto3, or point Salve at one.", r.p.Python)}
	}
	return path, nil
}
