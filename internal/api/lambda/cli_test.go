package lambda_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// awsCLI runs the aws CLI against endpoint as account in us-east-1 and
// returns its output; a failure fails the test unless wantErr.
func awsCLI(t *testing.T, endpoint string, wantErr bool, args ...string) string {
	t.Helper()
	cmd := exec.Command("aws", args...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID="+account, "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_ENDPOINT_URL="+endpoint, "AWS_CONFIG_FILE=/dev/null",
		"AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_MAX_ATTEMPTS=1", "AWS_PAGER=")
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if wantErr {
		require.Error(t, err, "aws %s: %s", strings.Join(args, " "), out)
	} else {
		require.NoError(t, err, "aws %s: %s", strings.Join(args, " "), out)
	}
	return string(out)
}

// TestAWSCLI drives the service with the aws CLI as the product's users
// do: create-function --zip-file fileb://…, invoke --payload … out.json,
// and the read, update and delete commands.
func TestAWSCLI(t *testing.T) {
	if _, err := exec.LookPath("aws"); err != nil || testing.Short() {
		t.Skip("the aws CLI is not installed (or -short)")
	}
	t.Parallel()
	e := setup(t)
	dir := t.TempDir()
	zipPath, outPath := filepath.Join(dir, "fn.zip"), filepath.Join(dir, "out.json")
	require.NoError(t, os.WriteFile(zipPath, zipOf(t, map[string]string{"app.py": "import os\n" +
		"def handler(event, context):\n    print('mode', os.environ['MODE'])\n    return {'got': event, 'mode': os.environ['MODE']}\n"}), 0o644))

	out := awsCLI(t, e.url, false, "lambda", "create-function", "--function-name", "cli-fn", "--runtime", "python3.12",
		"--role", role, "--handler", "app.handler", "--zip-file", "fileb://"+zipPath,
		"--environment", "Variables={MODE=cli}", "--timeout", "10", "--tags", "team=sec")
	var created map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &created), out)
	require.Equal(t, "arn:aws:lambda:us-east-1:111122223333:function:cli-fn", created["FunctionArn"])
	require.Equal(t, float64(10), created["Timeout"])

	out = awsCLI(t, e.url, false, "lambda", "invoke", "--function-name", "cli-fn", "--payload", `{"bucket": "b1"}`,
		"--log-type", "Tail", outPath)
	var meta map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &meta), out)
	require.Equal(t, float64(200), meta["StatusCode"])
	require.Nil(t, meta["FunctionError"])
	log, err := base64.StdEncoding.DecodeString(meta["LogResult"].(string))
	require.NoError(t, err)
	require.Contains(t, string(log), "mode cli\n")
	payload, err := os.ReadFile(outPath)
	require.NoError(t, err)
	require.JSONEq(t, `{"got": {"bucket": "b1"}, "mode": "cli"}`, string(payload))

	out = awsCLI(t, e.url, false, "lambda", "invoke", "--function-name", "cli-fn", "--invocation-type", "Event",
		"--payload", `{}`, outPath)
	require.Contains(t, out, `"StatusCode": 202`)

	out = awsCLI(t, e.url, false, "lambda", "list-functions")
	require.Contains(t, out, `"FunctionName": "cli-fn"`)
	out = awsCLI(t, e.url, false, "lambda", "get-function", "--function-name", "cli-fn")
	require.Contains(t, out, `"RepositoryType": "S3"`)
	require.Contains(t, out, `"team": "sec"`)
	awsCLI(t, e.url, false, "lambda", "update-function-configuration", "--function-name", "cli-fn", "--timeout", "20")
	awsCLI(t, e.url, false, "lambda", "update-function-code", "--function-name", "cli-fn", "--zip-file", "fileb://"+zipPath)
	out = awsCLI(t, e.url, false, "lambda", "get-function-configuration", "--function-name", "cli-fn")
	require.Contains(t, out, `"Timeout": 20`)
	awsCLI(t, e.url, false, "lambda", "wait", "function-active-v2", "--function-name", "cli-fn")

	out = awsCLI(t, e.url, true, "lambda", "invoke", "--function-name", "nope", outPath)
	require.Contains(t, out, "ResourceNotFoundException")
	require.Contains(t, out, "Function not found: arn:aws:lambda:us-east-1:111122223333:function:nope")
	out = awsCLI(t, e.url, true, "lambda", "create-function", "--function-name", "bad", "--runtime", "python3.7",
		"--role", role, "--handler", "app.handler", "--zip-file", "fileb://"+zipPath)
	require.Contains(t, out, "InvalidParameterValueException")
	require.Contains(t, out, "The runtime parameter of python3.7 is no longer supported")

	// Salve's local-directory code source, sent by the stock CLI.
	code := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(code, "app.py"), []byte("def handler(e, c):\n    return 'from dir'\n"), 0o644))
	awsCLI(t, e.url, false, "lambda", "create-function", "--function-name", "dir-fn", "--runtime", "python3.12",
		"--role", role, "--handler", "app.handler", "--code", "S3Bucket=salve-local,S3Key="+code)
	awsCLI(t, e.url, false, "lambda", "invoke", "--function-name", "dir-fn", outPath)
	payload, err = os.ReadFile(outPath)
	require.NoError(t, err)
	require.Equal(t, `"from dir"`, string(payload))

	awsCLI(t, e.url, false, "lambda", "delete-function", "--function-name", "cli-fn")
	out = awsCLI(t, e.url, true, "lambda", "get-function", "--function-name", "cli-fn")
	require.Contains(t, out, "ResourceNotFoundException")
	n, err := e.svc.Tick(context.Background())
	require.NoError(t, err)
	require.Zero(t, n, "the queued invocation of the deleted function is dropped")
}
