package script

import (
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

// child is one started interpreter.
type child struct {
	cmd    *exec.Cmd
	log    *capped
	pipe   *os.File
	result chan []byte
	over   chan bool
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
	c, err := r.start(cmd)
	if err != nil {
		return Result{}, err
	}
	waitErr := c.cmd.Wait()
	// A process that escaped the group may still hold the result pipe.
	_ = c.pipe.SetReadDeadline(time.Now().Add(waitDelay))
	out, tooLarge := <-c.result, <-c.over
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
	cmd.Env = r.environ(home, rp)
	cmd.Stdin = bytes.NewReader(in)
	return cmd, nil
}

// start starts cmd in its own process group (killed whole when cmd's
// context ends), with the result pipe on descriptor 3.
func (r *Runner) start(cmd *exec.Cmd) (*child, error) {
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("run script: %w", err)
	}
	c := &child{cmd: cmd, log: &capped{max: r.p.MaxLog}, pipe: pr, result: make(chan []byte, 1), over: make(chan bool, 1)}
	cmd.Stdout, cmd.Stderr = c.log, c.log
	cmd.ExtraFiles = []*os.File{pw}
	cmd.WaitDelay = waitDelay
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return nil, &Error{Kind: KindUnavailable, Message: fmt.Sprintf("Python could not be started: %v", err)}
	}
	pw.Close()
	go c.readResult(r.p.MaxPayload + 64*1024)
	return c, nil
}

// readResult reads the result pipe up to limit bytes, draining the rest
// so the child never blocks on it.
func (c *child) readResult(limit int) {
	defer c.pipe.Close()
	b, _ := io.ReadAll(io.LimitReader(c.pipe, int64(limit)+1))
	over := len(b) > limit
	if over {
		_, _ = io.Copy(io.Discard, c.pipe)
		b = nil
	}
	c.result <- b
	c.over <- over
}

// environ is the child's environment: the host's, without any AWS_*
// variable or HOME, plus boto3's settings for this run.
func (r *Runner) environ(home string, rp RunParams) []string {
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
		"AWS_REGION="+rp.Region,
		"AWS_DEFAULT_REGION="+rp.Region,
		"AWS_ACCESS_KEY_ID="+rp.AccountID,
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
