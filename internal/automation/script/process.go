package script

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// bootstrap is the Python program that calls the handler (see its doc).
//
//go:embed bootstrap.py
var bootstrap []byte

// startedMarker is the byte a function's bootstrap writes to the result
// pipe as it calls the handler.
const startedMarker = 'S'

// waitDelay is how long a killed or finished child may keep its output
// pipes open (a grandchild holding them) before they are closed on it.
const waitDelay = 2 * time.Second

// request is what the bootstrap reads on stdin.
type request struct {
	Script  string         `json:"script"`
	Handler string         `json:"handler"`
	Events  map[string]any `json:"events"`
	Context map[string]any `json:"context"`
}

// child is one started process.
type child struct {
	cmd    *exec.Cmd
	log    *capped
	pipe   *os.File
	result chan []byte
	over   chan bool
	// started is closed when a function's bootstrap says its handler is
	// being called (marker mode only).
	started chan struct{}
}

// resultPipe says where a child writes its result.
type resultPipe struct {
	// stdout: the result is the child's standard output (a provided
	// runtime's bootstrap); otherwise it is descriptor 3 and stdout and
	// stderr are the log.
	stdout bool
	// marker: a first byte STARTED on the pipe closes child.started.
	marker bool
	// limit caps the result in bytes.
	limit int
}

// run performs a checked run in the temporary directory dir.
func (r *Runner) run(ctx context.Context, dir string, rp RunParams) (Result, error) {
	python, err := r.python()
	if err != nil {
		return Result{}, err
	}
	limit := r.timeout(rp)
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd, err := r.command(ctx, dir, python, rp)
	if err != nil {
		return Result{}, err
	}
	c, err := r.start(cmd, resultPipe{limit: r.p.MaxPayload + 64*1024})
	if err != nil {
		return Result{}, &Error{Kind: KindUnavailable, Message: fmt.Sprintf("Python could not be started: %v", err)}
	}
	out, tooLarge, waitErr := c.wait()
	res := Result{Log: c.log.String()}
	if ctx.Err() != nil {
		return res, stopped(ctx, limit)
	}
	if tooLarge {
		return res, r.tooLarge()
	}
	res.Payload, err = r.decode(out, waitErr, res.Log)
	return res, err
}

// command prepares the interpreter's command line, input and environment.
func (r *Runner) command(ctx context.Context, dir, python string, rp RunParams) (*exec.Cmd, error) {
	boot := filepath.Join(dir, "bootstrap.py")
	home := filepath.Join(dir, "home")
	if err := os.WriteFile(boot, bootstrap, 0o600); err != nil {
		return nil, fmt.Errorf("run script: %w", err)
	}
	if err := os.Mkdir(home, 0o700); err != nil {
		return nil, fmt.Errorf("run script: %w", err)
	}
	in, err := json.Marshal(request{Script: rp.Script, Handler: rp.Handler, Events: events(rp.InputPayload),
		Context: contextOf(rp)})
	if err != nil {
		return nil, unsupported("InputPayload cannot be passed to Python as JSON: %v", err)
	}
	cmd := exec.CommandContext(ctx, python, boot)
	cmd.Dir = home
	cmd.Env = r.environ(home, rp.Region, rp.AccountID)
	cmd.Stdin = bytes.NewReader(in)
	return cmd, nil
}

// start starts cmd in its own process group (killed whole when cmd's
// context ends), with the result pipe where rp says.
func (r *Runner) start(cmd *exec.Cmd, rp resultPipe) (*child, error) {
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("run script: %w", err)
	}
	c := &child{cmd: cmd, log: &capped{max: r.p.MaxLog}, pipe: pr, result: make(chan []byte, 1),
		over: make(chan bool, 1), started: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = c.log, c.log
	if rp.stdout {
		cmd.Stdout = pw
	} else {
		cmd.ExtraFiles = []*os.File{pw}
	}
	cmd.WaitDelay = waitDelay
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return nil, err
	}
	pw.Close()
	go c.readResult(rp)
	return c, nil
}

// readResult reads the result pipe up to rp.limit bytes, draining the
// rest so the child never blocks on it.
func (c *child) readResult(rp resultPipe) {
	defer c.pipe.Close()
	in := bufio.NewReader(c.pipe)
	if rp.marker {
		if b, err := in.Peek(1); err == nil && b[0] == startedMarker {
			_, _ = in.Discard(1)
			close(c.started)
		}
	}
	b, _ := io.ReadAll(io.LimitReader(in, int64(rp.limit)+1))
	over := len(b) > rp.limit
	if over {
		_, _ = io.Copy(io.Discard, in)
		b = nil
	}
	c.result <- b
	c.over <- over
}

// wait waits for the child to end and for its result.
func (c *child) wait() (out []byte, tooLarge bool, waitErr error) {
	waitErr = c.cmd.Wait()
	// A process that escaped the group may still hold the result pipe.
	_ = c.pipe.SetReadDeadline(time.Now().Add(waitDelay))
	return <-c.result, <-c.over, waitErr
}

// environ is the child's environment: the host's, without any AWS_*
// variable or HOME, plus boto3's settings for a run in region as account.
func (r *Runner) environ(home, region, accountID string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(strings.ToUpper(k), "AWS_") || k == "HOME" || k == "BOTO_CONFIG" {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, r.serviceEndpoints()...)
	return append(env,
		"HOME="+home,
		"AWS_ENDPOINT_URL="+r.p.Endpoint,
		"AWS_REGION="+region,
		"AWS_DEFAULT_REGION="+region,
		"AWS_ACCESS_KEY_ID="+accountID,
		"AWS_SECRET_ACCESS_KEY=dummy",
		"AWS_EC2_METADATA_DISABLED=true",
		"PYTHONUNBUFFERED=1",
		"PYTHONDONTWRITEBYTECODE=1",
		"PYTHONIOENCODING=utf-8",
	)
}

// events is the handler's first argument: never None.
func events(in map[string]any) map[string]any {
	if in == nil {
		return map[string]any{}
	}
	return in
}

// contextOf is the handler's second argument.
func contextOf(rp RunParams) map[string]any {
	return map[string]any{
		"automation:EXECUTION_ID": rp.ExecutionID,
		"global:ACCOUNT_ID":       rp.AccountID,
		"global:REGION":           rp.Region,
		"AutomationAssumeRole":    rp.Role,
	}
}

// stopped is the error of a run cut off by its limit or by ctx.
func stopped(ctx context.Context, limit time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &Error{Kind: KindTimeout, Message: fmt.Sprintf(
			"The script did not finish within %s and was stopped.", limit)}
	}
	return fmt.Errorf("run script: %w", ctx.Err())
}
