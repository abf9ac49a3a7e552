package functions_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/functions"
)

// doc decodes a function error's payload.
func doc(t *testing.T, payload []byte) map[string]any {
	t.Helper()
	var d map[string]any
	require.NoError(t, json.Unmarshal(payload, &d), string(payload))
	return d
}

func TestService_Invoke_ReturnsPayloadAndLog(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", "def handler(event, context):\n    print('got', event['n'])\n    return {'n': event['n'] + 1, 'id': context.aws_request_id}\n")
	res, err := e.svc.InvokeWith(context.Background(), scope, functions.InvokeParams{FunctionName: "f",
		Payload: []byte(`{"n": 41}`), RequestID: "req-1"})
	require.NoError(t, err)
	require.Empty(t, res.FunctionError)
	require.JSONEq(t, `{"n": 42, "id": "req-1"}`, string(res.Payload))
	require.Equal(t, "$LATEST", res.ExecutedVersion)
	require.True(t, strings.HasPrefix(res.Log, "START RequestId: req-1 Version: $LATEST\ngot 41\nEND RequestId: req-1\nREPORT RequestId: req-1\tDuration: "), res.Log)
	require.Contains(t, res.Log, "\tMemory Size: 128 MB\tMax Memory Used: ")
	require.Equal(t, res.Log, res.Tail, "a short log is its own tail")
}

func TestService_Invoke_FunctionErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", `import os, time
def handler(event, context):
    kind = event.get("kind")
    if kind == "raise":
        raise KeyError("detail")
    if kind == "exit":
        os._exit(2)
    if kind == "hang":
        time.sleep(30)
    return "fine"
`, func(p *functions.CreateParams) { p.Timeout = 1 })
	e.create(t, "broken", "import nothing_here\n")
	for name, tc := range map[string]struct {
		fn, payload, typ, msg, logLine string
		requestID                      any
		stack                          bool
	}{
		"Exception": {"f", `{"kind": "raise"}`, "KeyError", "'detail'", "[ERROR] KeyError: 'detail'\nTraceback (most recent call last):\n  File ", "req", true},
		"Exit": {"f", `{"kind": "exit"}`, "Runtime.ExitError", "RequestId: req Error: Runtime exited with error: exit status 2",
			"RequestId: req Error: Runtime exited with error: exit status 2\nRuntime.ExitError\n", nil, false},
		"Timeout": {"f", `{"kind": "hang"}`, "Sandbox.Timedout", "RequestId: req Error: Task timed out after 1.00 seconds",
			" req Task timed out after 1.00 seconds\n", nil, false},
		"ImportError": {"broken", `{}`, "Runtime.ImportModuleError", "Unable to import module 'app': No module named 'nothing_here'",
			"[ERROR] Runtime.ImportModuleError: Unable to import module 'app'", "", true},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, err := e.svc.InvokeWith(context.Background(), scope, functions.InvokeParams{FunctionName: tc.fn,
				Payload: []byte(tc.payload), RequestID: "req"})
			require.NoError(t, err)
			require.Equal(t, "Unhandled", res.FunctionError)
			d := doc(t, res.Payload)
			require.Equal(t, tc.typ, d["errorType"])
			require.Equal(t, tc.msg, d["errorMessage"])
			require.Equal(t, tc.requestID, d["requestId"])
			_, hasStack := d["stackTrace"]
			require.Equal(t, tc.stack, hasStack)
			require.Contains(t, res.Log, tc.logLine)
			require.Contains(t, res.Log, "END RequestId: req\n")
		})
	}
	res, err := e.svc.InvokeWith(context.Background(), scope, functions.InvokeParams{FunctionName: "f",
		Payload: []byte(`{"kind": "hang"}`), RequestID: "r2"})
	require.NoError(t, err)
	require.Contains(t, res.Log, "\tStatus: timeout")
}

func TestService_Invoke_Refuses(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", echo)
	for name, tc := range map[string]struct {
		in        functions.InvokeParams
		code, msg string
	}{
		"NotJSON": {functions.InvokeParams{FunctionName: "f", Payload: []byte("abc")}, functions.CodeInvalidRequestContent,
			"Could not parse request body into json: Could not parse payload into json"},
		"TooLarge": {functions.InvokeParams{FunctionName: "f", Payload: make([]byte, functions.MaxSyncPayload+1)},
			functions.CodeRequestTooLarge, "Request must be smaller than 6291456 bytes for the InvokeFunction operation"},
		"ClientContext": {functions.InvokeParams{FunctionName: "f", ClientContext: "not base64!"},
			functions.CodeInvalidRequestContent, "Client context must be a valid Base64-encoded JSON object."},
		"Missing": {functions.InvokeParams{FunctionName: "nope"}, functions.CodeResourceNotFound,
			"Function not found: arn:aws:lambda:eu-west-1:111122223333:function:nope"},
		"Version": {functions.InvokeParams{FunctionName: "f", Qualifier: "3"}, functions.CodeResourceNotFound,
			"Function not found: arn:aws:lambda:eu-west-1:111122223333:function:f:3"},
		"BadName": {functions.InvokeParams{FunctionName: "a b"}, functions.CodeValidation,
			"Value 'a b' at 'functionName' failed to satisfy constraint"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := e.svc.InvokeWith(context.Background(), scope, tc.in)
			requireCode(t, err, tc.code, tc.msg)
		})
	}
}

func TestService_Invoke_ClientContextAndARN(t *testing.T) {
	t.Parallel()
	e := setup(t)
	f := e.create(t, "f", "def handler(e, c):\n    return [c.client_context.custom, c.invoked_function_arn]\n")
	cc := base64.StdEncoding.EncodeToString([]byte(`{"custom": {"k": "v"}}`))
	res, err := e.svc.InvokeWith(context.Background(), scope, functions.InvokeParams{FunctionName: f.ARN + ":$LATEST",
		ClientContext: cc})
	require.NoError(t, err)
	require.JSONEq(t, `[{"k": "v"}, "arn:aws:lambda:eu-west-1:111122223333:function:f"]`, string(res.Payload))
}

func TestService_Invoke_ProvidedRuntime(t *testing.T) {
	t.Parallel()
	e := setup(t)
	// Zips often lose the executable bit; the bootstrap runs anyway.
	e.create(t, "sh", "", func(p *functions.CreateParams) {
		p.Runtime, p.Handler = "provided.al2023", "ignored"
		p.Code.ZipFile = zipOf(t, map[string]string{"bootstrap": "#!/bin/sh\nread ev\necho \"[$ev]\"\n"})
	})
	res, err := e.svc.Invoke(context.Background(), scope, "sh", []byte(`{"a":1}`))
	require.NoError(t, err)
	require.Empty(t, res.FunctionError)
	require.JSONEq(t, `[{"a":1}]`, string(res.Payload))
}

func TestService_Invoke_NoRunner(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", echo)
	svc := functions.New(functions.Params{Store: e.st, Clock: e.clock})
	_, err := svc.Invoke(context.Background(), scope, "f", nil)
	requireCode(t, err, functions.CodeService, "Salve cannot run functions")
}

func TestService_Invoker(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", echo)
	inv := e.svc.Invoker()
	req := engine.FunctionRequest{FunctionName: "f", InvocationType: "RequestResponse", LogType: "Tail",
		Payload: []byte(`{"a": 1}`), Region: scope.Region, AccountID: scope.AccountID}
	res, err := inv.Invoke(context.Background(), req)
	require.NoError(t, err)
	require.Equal(t, 200, res.StatusCode)
	require.JSONEq(t, `{"echo": {"a": 1}}`, string(res.Payload))
	tail, err := base64.StdEncoding.DecodeString(res.LogResult)
	require.NoError(t, err)
	require.Contains(t, string(tail), "START RequestId: ")

	req.InvocationType = "DryRun"
	res, err = inv.Invoke(context.Background(), req)
	require.NoError(t, err)
	require.Equal(t, 204, res.StatusCode)

	req.InvocationType = "Event"
	res, err = inv.Invoke(context.Background(), req)
	require.NoError(t, err)
	require.Equal(t, 202, res.StatusCode)
	n, err := e.svc.Tick(context.Background())
	require.NoError(t, err)
	require.Equal(t, 1, n)

	req.InvocationType, req.FunctionName = "RequestResponse", "missing"
	_, err = inv.Invoke(context.Background(), req)
	requireCode(t, err, functions.CodeResourceNotFound, "Function not found")
}
