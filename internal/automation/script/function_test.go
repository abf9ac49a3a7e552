package script_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/script"
)

// codeDir writes files (name → content; names ending in "bootstrap" are
// executable) into a fresh directory.
func codeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		mode := os.FileMode(0o644)
		if strings.HasSuffix(name, "bootstrap") {
			mode = 0o755
		}
		require.NoError(t, os.WriteFile(path, []byte(content), mode))
	}
	return dir
}

// fn returns the invocation of handler in dir.
func fn(dir, handler string) script.FunctionParams {
	return script.FunctionParams{Runtime: "python3.12", Handler: handler, Dir: dir, Event: []byte(`{"k": "v"}`),
		FunctionName: "f1", FunctionARN: "arn:aws:lambda:eu-west-1:111122223333:function:f1", MemoryMB: 256,
		RequestID: "req-1", LogGroup: "/aws/lambda/f1", LogStream: "2026/11/01/[$LATEST]abc",
		Region: "eu-west-1", AccountID: "111122223333", Timeout: 30 * time.Second}
}

// fnErr runs fp and returns the *script.Error it must fail with.
func fnErr(t *testing.T, r *script.Runner, fp script.FunctionParams) (script.FunctionResult, *script.Error) {
	t.Helper()
	res, err := r.RunFunction(context.Background(), fp)
	var se *script.Error
	require.True(t, errors.As(err, &se), "want *script.Error, got %v", err)
	return res, se
}

func TestRunner_RunFunction_ContextAndEnvironment(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{Endpoint: "http://salve.test"})
	dir := codeDir(t, map[string]string{"app.py": `import os, json
print("init")
def handler(event, context):
    print("event", json.dumps(event))
    left = context.get_remaining_time_in_millis()
    return {
        "event": event, "name": context.function_name, "version": context.function_version,
        "arn": context.invoked_function_arn, "memory": context.memory_limit_in_mb,
        "request": context.aws_request_id, "group": context.log_group_name, "stream": context.log_stream_name,
        "left_ok": 0 < left <= 30000, "identity": context.identity.cognito_identity_id,
        "client": context.client_context.custom if context.client_context else None,
        "cwd": os.getcwd(), "root": os.environ["LAMBDA_TASK_ROOT"], "mine": os.environ["MY_VAR"],
        "endpoint": os.environ["AWS_ENDPOINT_URL"], "region": os.environ["AWS_REGION"],
        "fn_env": os.environ["AWS_LAMBDA_FUNCTION_NAME"], "handler": os.environ["_HANDLER"],
        "key": os.environ["AWS_ACCESS_KEY_ID"], "exec_env": os.environ["AWS_EXECUTION_ENV"],
    }
`})
	fp := fn(dir, "app.handler")
	fp.Environment = map[string]string{"MY_VAR": "mine", "AWS_ENDPOINT_URL": "http://override.test"}
	fp.ClientContext = map[string]any{"custom": map[string]any{"a": "b"}}
	res, err := r.RunFunction(context.Background(), fp)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(res.Payload, &got))
	wantDir, _ := filepath.EvalSymlinks(dir)
	cwd, _ := filepath.EvalSymlinks(got["cwd"].(string))
	require.Equal(t, wantDir, cwd)
	delete(got, "cwd")
	require.Equal(t, map[string]any{"event": map[string]any{"k": "v"}, "name": "f1", "version": "$LATEST",
		"arn": fp.FunctionARN, "memory": "256", "request": "req-1", "group": "/aws/lambda/f1",
		"stream": fp.LogStream, "left_ok": true, "identity": nil, "client": map[string]any{"a": "b"},
		"root": dir, "mine": "mine", "endpoint": "http://override.test", "region": "eu-west-1",
		"fn_env": "f1", "handler": "app.handler", "key": "111122223333", "exec_env": "AWS_Lambda_python3.12"}, got)
	require.Contains(t, res.Log, "init\n")
	require.Contains(t, res.Log, `event {"k": "v"}`)
}

func TestRunner_RunFunction_PayloadAsPythonEncodesIt(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	dir := codeDir(t, map[string]string{"pkg/__init__.py": "", "pkg/mod.py": `import decimal
def h(event, context):
    return {"n": decimal.Decimal("1.5"), "list": [event, None]}
def none(event, context):
    pass
`})
	for handler, want := range map[string]string{
		"pkg.mod.h":    `{"n": 1.5, "list": [[1, 2], null]}`,
		"pkg/mod.h":    `{"n": 1.5, "list": [[1, 2], null]}`,
		"pkg.mod.none": `null`,
	} {
		fp := fn(dir, handler)
		fp.Event = []byte(`[1,2]`)
		res, err := r.RunFunction(context.Background(), fp)
		require.NoError(t, err, handler)
		require.Equal(t, want, string(res.Payload), handler)
	}
}

func TestRunner_RunFunction_Failures(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	dir := codeDir(t, map[string]string{
		"ok.py": `import sys, os
def boom(event, context):
    raise KeyError("detail")
def unmarshal(event, context):
    return {1, 2}
def leave(event, context):
    sys.exit(3)
def vanish(event, context):
    os._exit(0)
def garbage(event, context):
    os.write(3, b"not json")
    os._exit(0)
`,
		"bad.py":    "def h(:\n",
		"raises.py": "raise RuntimeError('at import')\n",
	})
	for name, tc := range map[string]struct {
		handler           string
		kind              script.Kind
		typ, msg, inStack string
	}{
		"Exception":        {"ok.boom", script.KindException, "KeyError", "'detail'", `ok.py", line 3, in boom`},
		"ImportError":      {"missing.h", script.KindException, "Runtime.ImportModuleError", "Unable to import module 'missing': No module named 'missing'", ""},
		"HandlerNotFound":  {"ok.nope", script.KindException, "Runtime.HandlerNotFound", "Handler 'nope' missing on module 'ok'", ""},
		"MalformedHandler": {"ok", script.KindException, "Runtime.MalformedHandlerName", "Bad handler 'ok': not enough values to unpack (expected 2, got 1)", ""},
		"SyntaxError":      {"bad.h", script.KindException, "Runtime.UserCodeSyntaxError", "Syntax error in module 'bad'", "bad.py"},
		"BuiltIn":          {"sys.h", script.KindException, "Runtime.BuiltInModuleConflict", "Cannot use built-in module sys", ""},
		"RaisesAtImport":   {"raises.h", script.KindException, "RuntimeError", "at import", `raises.py", line 1`},
		"MarshalError":     {"ok.unmarshal", script.KindException, "Runtime.MarshalError", "Unable to marshal response: Object of type set is not JSON serializable", ""},
		"SystemExit":       {"ok.leave", script.KindCrash, "Runtime.ExitError", "Runtime exited with error: exit status 3", ""},
		"NoResponse":       {"ok.vanish", script.KindCrash, "Runtime.ExitError", "Runtime exited without providing a reason", ""},
		"Garbage":          {"ok.garbage", script.KindCrash, "Runtime.InvalidResponse", "file descriptor 3", ""},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, se := fnErr(t, r, fn(dir, tc.handler))
			require.Equal(t, tc.kind, se.Kind)
			require.Equal(t, tc.typ, se.Type)
			require.Contains(t, se.Message, tc.msg)
			if tc.inStack != "" {
				require.Contains(t, strings.Join(se.Stack, ""), tc.inStack)
			}
			require.NotContains(t, strings.Join(se.Stack, ""), "bootstrap.py")
		})
	}
}

func TestRunner_RunFunction_TimeoutStartsAtHandler(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	dir := codeDir(t, map[string]string{"slow.py": `import subprocess, time
time.sleep(1.2)
def quick(event, context):
    return "ok"
def hang(event, context):
    print("hanging", flush=True)
    subprocess.Popen(["sleep", "300"])
    time.sleep(300)
`})
	fp := fn(dir, "slow.quick")
	fp.Timeout = time.Second
	res, err := r.RunFunction(context.Background(), fp)
	require.NoError(t, err, "the module's import does not count against the timeout")
	require.Equal(t, `"ok"`, string(res.Payload))

	fp.Handler = "slow.hang"
	start := time.Now()
	res, se := fnErr(t, r, fp)
	require.Equal(t, script.KindTimeout, se.Kind)
	require.Equal(t, "Sandbox.Timedout", se.Type)
	require.Equal(t, "Task timed out after 1.00 seconds", se.Message)
	require.Contains(t, res.Log, "hanging")
	require.Less(t, time.Since(start), 10*time.Second)
}

func TestRunner_RunFunction_ResponseTooLarge(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	dir := codeDir(t, map[string]string{"big.py": "def h(e, c):\n    return 'x' * 7000000\n"})
	_, se := fnErr(t, r, fn(dir, "big.h"))
	require.Equal(t, script.KindTooLarge, se.Kind)
	require.Equal(t, "Function.ResponseSizeTooLarge", se.Type)
	require.Equal(t, "Response payload size exceeded maximum allowed payload size (6291556 bytes).", se.Message)
}

func TestRunner_RunFunction_LogTail(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{MaxLog: 1000})
	dir := codeDir(t, map[string]string{"chatty.py": "def h(e, c):\n    print('a' * 5000 + 'END')\n"})
	res, err := r.RunFunction(context.Background(), fn(dir, "chatty.h"))
	require.NoError(t, err)
	require.True(t, res.LogTruncated)
	require.Len(t, res.LogTail, script.TailBytes)
	require.True(t, strings.HasSuffix(res.LogTail, "aaaEND\n"))
	require.True(t, strings.HasPrefix(res.Log, strings.Repeat("a", 1000)))
}

func TestRunner_RunFunction_Provided(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	for name, tc := range map[string]struct {
		bootstrap, payload, typ, msg string
	}{
		"Echo":      {"#!/bin/sh\necho working >&2\necho \"{\\\"got\\\": $(cat), \\\"fn\\\": \\\"$AWS_LAMBDA_FUNCTION_NAME\\\"}\"\n", `{"got": {"k": "v"}, "fn": "f1"}`, "", ""},
		"Nothing":   {"#!/bin/sh\nexit 0\n", "null", "", ""},
		"ErrorDoc":  {"#!/bin/sh\necho '{\"errorMessage\": \"bad input\", \"errorType\": \"InputError\"}'\nexit 1\n", "", "InputError", "bad input"},
		"Crash":     {"#!/bin/sh\necho oops\nexit 4\n", "", "Runtime.ExitError", "Runtime exited with error: exit status 4"},
		"Garbage":   {"#!/bin/sh\necho not json\n", "", "Runtime.InvalidResponse", "not JSON: not json"},
		"NoShebang": {"", "", "Runtime.InvalidEntrypoint", "exec format error"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fp := fn(codeDir(t, map[string]string{"bootstrap": tc.bootstrap}), "ignored")
			fp.Runtime = "provided.al2023"
			res, err := r.RunFunction(context.Background(), fp)
			if tc.typ == "" {
				require.NoError(t, err)
				require.JSONEq(t, tc.payload, string(res.Payload))
				return
			}
			var se *script.Error
			require.True(t, errors.As(err, &se), "%v", err)
			require.Equal(t, tc.typ, se.Type)
			require.Contains(t, se.Message, tc.msg)
		})
	}
}

func TestRunner_RunFunction_ProvidedWithoutBootstrap(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	fp := fn(codeDir(t, map[string]string{"main.py": ""}), "x")
	fp.Runtime = "provided"
	_, se := fnErr(t, r, fp)
	require.Equal(t, "Runtime.InvalidEntrypoint", se.Type)
	require.Contains(t, se.Message, "Couldn't find valid bootstrap(s): [")
}

func TestRunner_RunFunction_Unsupported(t *testing.T) {
	t.Parallel()
	r := newRunner(t, script.Params{})
	dir := codeDir(t, map[string]string{"a.py": ""})
	for name, mutate := range map[string]func(*script.FunctionParams){
		"NodeRuntime": func(fp *script.FunctionParams) { fp.Runtime = "nodejs20.x" },
		"NoHandler":   func(fp *script.FunctionParams) { fp.Handler = "" },
		"NoTimeout":   func(fp *script.FunctionParams) { fp.Timeout = 0 },
		"LongTimeout": func(fp *script.FunctionParams) { fp.Timeout = time.Hour },
	} {
		fp := fn(dir, "a.h")
		mutate(&fp)
		_, se := fnErr(t, r, fp)
		require.Equal(t, script.KindUnsupported, se.Kind, name)
	}
	fp := fn(filepath.Join(dir, "missing"), "a.h")
	_, se := fnErr(t, r, fp)
	require.Equal(t, "Runtime.InvalidWorkingDirectory", se.Type)
}
