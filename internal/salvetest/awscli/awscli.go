// Package awscli runs the real aws CLI (botocore) against a test server,
// so a test proves that botocore's request shapes decode and that its
// parsers read Salve's answers. Tests that use it are skipped when the CLI
// is not installed or under -short.
//
// Every command runs with the test process's environment minus its AWS_*
// variables, plus: the endpoint as AWS_ENDPOINT_URL (so documented
// commands run verbatim), a static key, a region, no config or
// credentials file, JSON output, no pager and one attempt (no retries).
package awscli

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Skip skips t when the aws CLI is not on PATH or the tests run with
// -short. Call it first, so a skipped test sets nothing up.
func Skip(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the aws CLI (-short)")
	}
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("the aws CLI is not installed")
	}
}

// Options adjust a CLI. The zero value is the defaults.
type Options struct {
	// Region is AWS_DEFAULT_REGION ("us-east-1"); a command may still
	// pass --region.
	Region string
	// AccessKey is AWS_ACCESS_KEY_ID ("AKIDSALVETEST"); without SigV4, a
	// 12-digit key names the caller's account.
	AccessKey string
	// Env are further variables (NAME=value) of every command, e.g. ones
	// a Shell line refers to.
	Env []string
}

// CLI runs the aws CLI for one test against one endpoint.
type CLI struct {
	t   testing.TB
	env []string
	dir string
}

// New returns a CLI for the server at endpoint; like Skip, it skips t
// when the CLI cannot run. Commands run in a temporary directory.
func New(t testing.TB, endpoint string, o Options) *CLI {
	t.Helper()
	Skip(t)
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.AccessKey == "" {
		o.AccessKey = "AKIDSALVETEST"
	}
	env := []string{"AWS_ENDPOINT_URL=" + endpoint, "AWS_ACCESS_KEY_ID=" + o.AccessKey,
		"AWS_SECRET_ACCESS_KEY=secret", "AWS_DEFAULT_REGION=" + o.Region, "AWS_DEFAULT_OUTPUT=json",
		"AWS_CONFIG_FILE=" + os.DevNull, "AWS_SHARED_CREDENTIALS_FILE=" + os.DevNull,
		"AWS_EC2_METADATA_DISABLED=true", "AWS_PAGER=", "AWS_RETRY_MODE=standard", "AWS_MAX_ATTEMPTS=1"}
	return &CLI{t: t, env: append(append(cleanEnv(), env...), o.Env...), dir: t.TempDir()}
}

// cleanEnv is the process's environment without AWS_* variables, so the
// developer's profile, keys or endpoint never reach a test.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			out = append(out, kv)
		}
	}
	return out
}

// Result is what one command did.
type Result struct {
	// Command is the command line, for messages.
	Command string
	// Stdout and Stderr are the command's output streams.
	Stdout, Stderr string
	// ExitCode is the command's exit status.
	ExitCode int
}

// OK reports whether the command exited with status 0.
func (r Result) OK() bool { return r.ExitCode == 0 }

// Run runs `aws args…`. It fails the test only when the command cannot be
// started; a failing command is a Result with its exit code.
func (c *CLI) Run(args ...string) Result {
	c.t.Helper()
	return c.run("aws "+strings.Join(args, " "), "aws", args, nil)
}

// Shell runs a bash command line (a documented command, verbatim) with
// the CLI's environment and the further variables vars (NAME=value).
func (c *CLI) Shell(line string, vars ...string) Result {
	c.t.Helper()
	return c.run(line, "bash", []string{"-c", line}, vars)
}

func (c *CLI) run(command, name string, args, vars []string) Result {
	c.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(append([]string{}, c.env...), vars...)
	cmd.Dir = c.dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	res := Result{Command: command}
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		c.t.Fatalf("%s: %v", command, err)
	}
	res.Stdout, res.Stderr, res.ExitCode = stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
	return res
}

// Output runs `aws args…`, fails the test unless it succeeds, and returns
// its standard output.
func (c *CLI) Output(args ...string) string {
	c.t.Helper()
	res := c.Run(args...)
	RequireOK(c.t, res)
	return res.Stdout
}

// RunJSON runs `aws args…`, fails the test unless it succeeds, and decodes
// its JSON output into v (unless v is nil).
func (c *CLI) RunJSON(v any, args ...string) {
	c.t.Helper()
	RequireJSON(c.t, c.Run(args...), v)
}

// RequireOK fails t unless res succeeded.
func RequireOK(t testing.TB, res Result) {
	t.Helper()
	require.True(t, res.OK(), "%s: exit %d\n%s", res.Command, res.ExitCode, res.Stderr)
}

// RequireJSON fails t unless res succeeded, and decodes its JSON output
// into v (unless v is nil).
func RequireJSON(t testing.TB, res Result, v any) {
	t.Helper()
	RequireOK(t, res)
	if v != nil {
		require.NoError(t, json.Unmarshal([]byte(res.Stdout), v), "%s: %s", res.Command, res.Stdout)
	}
}

// RequireError fails t unless res failed with the AWS error code, as
// botocore reports it ("An error occurred (<code>) when calling …").
func RequireError(t testing.TB, res Result, code string) {
	t.Helper()
	require.False(t, res.OK(), "%s succeeded: %s", res.Command, res.Stdout)
	require.Contains(t, res.Stderr, "("+code+")", "%s", res.Command)
}
