package script_test

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/script"
)

// newRunner returns a Runner on python3, skipping the test without one.
func newRunner(t *testing.T, p script.Params) *script.Runner {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	if p.Endpoint == "" {
		p.Endpoint = "http://127.0.0.1:1"
	}
	r, err := script.New(p)
	require.NoError(t, err)
	return r
}

// params returns a run of code's handler h.
func params(code string, in map[string]any) script.RunParams {
	return script.RunParams{Runtime: "python3.11", Handler: "h", Script: code, InputPayload: in,
		Region: "eu-west-1", AccountID: "111122223333", ExecutionID: "x-1"}
}

// runErr runs and returns the *script.Error it must fail with.
func runErr(t *testing.T, r *script.Runner, rp script.RunParams) (script.Result, *script.Error) {
	t.Helper()
	res, err := r.Run(context.Background(), rp)
	var se *script.Error
	require.True(t, errors.As(err, &se), "want *script.Error, got %v", err)
	return res, se
}

func TestRunner_Run_ReturnsDict(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	code := "def h(events, context):\n    return {'name': events['name'].upper(), 'n': 3, 'ok': True}\n"
	res, err := r.Run(context.Background(), params(code, map[string]any{"name": "web"}))
	require.NoError(t, err)
	require.Equal(t, map[string]any{"name": "WEB", "n": 3, "ok": true}, res.Payload)
}

func TestRunner_Run_PrintsDoNotCorruptPayload(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	code := `import sys
print('{"ok": false}')
def h(events, context):
    print("working on", events)
    sys.stderr.write("a warning\n")
    return [1, "two"]
`
	res, err := r.Run(context.Background(), params(code, nil))
	require.NoError(t, err)
	require.Equal(t, []any{1, "two"}, res.Payload)
	require.Contains(t, res.Log, `{"ok": false}`)
	require.Contains(t, res.Log, "working on {}")
	require.Contains(t, res.Log, "a warning")
}

func TestRunner_Run_InputTypesPreserved(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	code := `def h(events, context):
    return {k: type(v).__name__ for k, v in events.items()} | {"echo": events}
`
	in := map[string]any{"i": 42, "b": true, "l": []any{"a", 1}, "m": map[string]any{"k": "v"}, "s": "x", "f": 1.5}
	res, err := r.Run(context.Background(), params(code, in))
	require.NoError(t, err)
	got := res.Payload.(map[string]any)
	require.Equal(t, "int", got["i"])
	require.Equal(t, "bool", got["b"])
	require.Equal(t, "list", got["l"])
	require.Equal(t, "dict", got["m"])
	require.Equal(t, "str", got["s"])
	require.Equal(t, "float", got["f"])
	require.Equal(t, in, got["echo"])
}

func TestRunner_Run_Context(t *testing.T) {
	r := newRunner(t, script.Params{})
	code := `import os
def h(events, context):
    return [context["automation:EXECUTION_ID"], context.get("global:REGION"),
            os.environ.get("AWS_REGION"), os.environ.get("AWS_ACCESS_KEY_ID"),
            os.environ.get("AWS_PROFILE"), os.path.expanduser("~") != "/root"]
`
	t.Setenv("AWS_PROFILE", "leak")
	res, err := r.Run(context.Background(), params(code, nil))
	require.NoError(t, err)
	require.Equal(t, []any{"x-1", "eu-west-1", "eu-west-1", "111122223333", nil, true}, res.Payload)
}

func TestRunner_Run_DatetimeAsString(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	code := "import datetime\ndef h(e, c):\n    return {'t': datetime.datetime(2024, 1, 2, 3, 4, 5)}\n"
	res, err := r.Run(context.Background(), params(code, nil))
	require.NoError(t, err)
	require.Equal(t, map[string]any{"t": "2024-01-02 03:04:05"}, res.Payload)
}

func TestRunner_Run_Exception(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	code := "def h(events, context):\n    print('before')\n    raise ValueError('bucket my-b is not public')\n"
	res, se := runErr(t, r, params(code, nil))
	require.Equal(t, script.KindException, se.Kind)
	require.Equal(t, "ValueError", se.Type)
	require.Equal(t, "bucket my-b is not public", se.Message)
	require.Contains(t, se.Traceback, "Traceback (most recent call last)")
	require.Contains(t, se.Traceback, `File "customer_script.py", line 3, in h`)
	require.Contains(t, se.Traceback, "raise ValueError('bucket my-b is not public')")
	require.NotContains(t, se.Traceback, "bootstrap")
	require.Contains(t, res.Log, "before")
}

func TestRunner_Run_ScriptErrors(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	for name, tc := range map[string]struct {
		code, typ, msg string
	}{
		"SyntaxError":    {"def h(:\n", "SyntaxError", "invalid syntax"},
		"MissingHandler": {"def other(e, c):\n    return 1\n", "HandlerNotFound", "Handler h is not a function"},
		"SystemExit":     {"import sys\ndef h(e, c):\n    sys.exit(3)\n", "SystemExit", "3"},
		"NotJSON":        {"def h(e, c):\n    return float('nan')\n", "ValueError", "cannot be encoded as JSON"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, se := runErr(t, r, params(tc.code, nil))
			require.Equal(t, script.KindException, se.Kind)
			require.Equal(t, tc.typ, se.Type)
			require.Contains(t, se.Message, tc.msg)
		})
	}
}

func TestRunner_Run_Crash(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	code := "import os\ndef h(e, c):\n    print('dying')\n    os._exit(7)\n"
	_, se := runErr(t, r, params(code, nil))
	require.Equal(t, script.KindCrash, se.Kind)
	require.Contains(t, se.Message, "exit status 7")
	require.Contains(t, se.Message, "dying")
}

func TestRunner_Run_Garbage(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	code := "import os\ndef h(e, c):\n    os.write(3, b'garbage')\n    os._exit(0)\n"
	_, se := runErr(t, r, params(code, nil))
	require.Equal(t, script.KindCrash, se.Kind)
	require.Contains(t, se.Message, "cannot read")
}

func TestRunner_Run_HangKilledAtTimeout(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	// The child process sleeping in the background must die with the group.
	code := `import subprocess, time
def h(e, c):
    subprocess.Popen(["sleep", "300"])
    time.sleep(300)
`
	rp := params(code, nil)
	rp.Timeout = 500 * time.Millisecond
	start := time.Now()
	_, se := runErr(t, r, rp)
	require.Equal(t, script.KindTimeout, se.Kind)
	require.Contains(t, se.Message, "did not finish within 500ms")
	require.Less(t, time.Since(start), 10*time.Second)
}

func TestRunner_Run_Cancelled(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	ctx, cancel := context.WithCancel(context.Background())
	code := "import time\ndef h(e, c):\n    print('started', flush=True)\n    time.sleep(300)\n"
	time.AfterFunc(300*time.Millisecond, cancel)
	_, err := r.Run(ctx, params(code, nil))
	require.ErrorIs(t, err, context.Canceled)
}

func TestRunner_Run_PayloadTooLarge(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	for name, code := range map[string]string{
		"OverCap":  "def h(e, c):\n    return 'x' * 150000\n",
		"Enormous": "def h(e, c):\n    return 'x' * 5000000\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, se := runErr(t, r, params(code, nil))
			require.Equal(t, script.KindTooLarge, se.Kind)
			require.Contains(t, se.Message, "more than 100 KB")
		})
	}
}

func TestRunner_Run_ListCappedAt100(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	res, err := r.Run(context.Background(), params("def h(e, c):\n    return list(range(150))\n", nil))
	require.NoError(t, err)
	require.Len(t, res.Payload, 100)
}

func TestRunner_Run_LogCapped(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{MaxLog: 1000})
	res, err := r.Run(context.Background(), params("def h(e, c):\n    print('y' * 5000)\n", nil))
	require.NoError(t, err)
	require.Nil(t, res.Payload)
	require.True(t, strings.HasPrefix(res.Log, strings.Repeat("y", 1000)))
	require.Contains(t, res.Log, "4001 more bytes of output were dropped")
}

func TestRunner_Run_Unsupported(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	ok := "def h(e, c):\n    return 1\n"
	for name, tc := range map[string]struct {
		runtime, handler, code, msg string
	}{
		"PowerShell":   {"PowerShell 7.4", "h", ok, "Runtime PowerShell 7.4 is not supported"},
		"Python2":      {"python2.7", "h", ok, `Runtime "python2.7"`},
		"Attachment":   {"python3.11", "file.h", ok, "does not store attachments"},
		"BadHandler":   {"python3.11", "a-b", ok, "not a Python function name"},
		"EmptyScript":  {"python3.11", "h", " ", "Input Script is required"},
		"NoHandler":    {"python3.11", "", ok, "Input Handler is required"},
		"EmptyRuntime": {"", "h", ok, `Runtime ""`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rp := params(tc.code, nil)
			rp.Runtime, rp.Handler = tc.runtime, tc.handler
			_, se := runErr(t, r, rp)
			require.Equal(t, script.KindUnsupported, se.Kind)
			require.Contains(t, se.Message, tc.msg)
		})
	}
}

func TestRunner_Run_AnyPython3Runtime(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	for _, rt := range []string{"python3.6", "python3.8", "python3.11", "python3.12"} {
		rp := params("def h(e, c):\n    return 1\n", nil)
		rp.Runtime = rt
		res, err := r.Run(context.Background(), rp)
		require.NoError(t, err, rt)
		require.Equal(t, 1, res.Payload)
	}
}

func TestRunner_Run_NoInterpreter(t *testing.T) {
	t.Parallel()
	r, err := script.New(script.Params{Endpoint: "http://x", Python: "no-such-python-salve"})
	require.NoError(t, err)
	_, se := runErr(t, r, params("def h(e, c):\n    return 1\n", nil))
	require.Equal(t, script.KindUnavailable, se.Kind)
	require.Contains(t, se.Message, "no-such-python-salve")
}

func TestNew_RequiresEndpoint(t *testing.T) {
	t.Parallel()
	_, err := script.New(script.Params{})
	require.ErrorContains(t, err, "endpoint")
}

func TestRunner_Run_EscapedProcessDoesNotHang(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	// The grandchild leaves the process group, keeping stdout and the
	// result descriptor open for 20 s; the run must end well before.
	code := `import os, time
def h(e, c):
    if os.fork() == 0:
        os.setsid()
        time.sleep(20)
        os._exit(0)
    return "done"
`
	start := time.Now()
	res, err := r.Run(context.Background(), params(code, nil))
	require.NoError(t, err)
	require.Equal(t, "done", res.Payload)
	require.Less(t, time.Since(start), 15*time.Second)
}
