package lambda_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestAWSCLI drives the service with the aws CLI as the product's users
// do: create-function --zip-file fileb://…, invoke --payload … out.json,
// and the read, update and delete commands.
func TestAWSCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.url, awscli.Options{AccessKey: account})
	dir := t.TempDir()
	zipPath, outPath := filepath.Join(dir, "fn.zip"), filepath.Join(dir, "out.json")
	require.NoError(t, os.WriteFile(zipPath, zipOf(t, map[string]string{"app.py": "import os\n" +
		"def handler(event, context):\n    print('mode', os.environ['MODE'])\n    return {'got': event, 'mode': os.environ['MODE']}\n"}), 0o644))

	out := cli.Output("lambda", "create-function", "--function-name", "cli-fn", "--runtime", "python3.12",
		"--role", role, "--handler", "app.handler", "--zip-file", "fileb://"+zipPath,
		"--environment", "Variables={MODE=cli}", "--timeout", "10", "--tags", "team=sec")
	var created map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &created), out)
	require.Equal(t, "arn:aws:lambda:us-east-1:111122223333:function:cli-fn", created["FunctionArn"])
	require.Equal(t, float64(10), created["Timeout"])

	out = cli.Output("lambda", "invoke", "--function-name", "cli-fn", "--payload", `{"bucket": "b1"}`,
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

	out = cli.Output("lambda", "invoke", "--function-name", "cli-fn", "--invocation-type", "Event",
		"--payload", `{}`, outPath)
	require.Contains(t, out, `"StatusCode": 202`)

	out = cli.Output("lambda", "list-functions")
	require.Contains(t, out, `"FunctionName": "cli-fn"`)
	out = cli.Output("lambda", "get-function", "--function-name", "cli-fn")
	require.Contains(t, out, `"RepositoryType": "S3"`)
	require.Contains(t, out, `"team": "sec"`)
	cli.Output("lambda", "update-function-configuration", "--function-name", "cli-fn", "--timeout", "20")
	cli.Output("lambda", "update-function-code", "--function-name", "cli-fn", "--zip-file", "fileb://"+zipPath)
	out = cli.Output("lambda", "get-function-configuration", "--function-name", "cli-fn")
	require.Contains(t, out, `"Timeout": 20`)
	cli.Output("lambda", "wait", "function-active-v2", "--function-name", "cli-fn")

	res := cli.Run("lambda", "invoke", "--function-name", "nope", outPath)
	awscli.RequireError(t, res, "ResourceNotFoundException")
	require.Contains(t, res.Stderr, "Function not found: arn:aws:lambda:us-east-1:111122223333:function:nope")
	res = cli.Run("lambda", "create-function", "--function-name", "bad", "--runtime", "python3.7",
		"--role", role, "--handler", "app.handler", "--zip-file", "fileb://"+zipPath)
	awscli.RequireError(t, res, "InvalidParameterValueException")
	require.Contains(t, res.Stderr, "The runtime parameter of python3.7 is no longer supported")

	// Salve's local-directory code source, sent by the stock CLI.
	code := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(code, "app.py"), []byte("def handler(e, c):\n    return 'from dir'\n"), 0o644))
	cli.Output("lambda", "create-function", "--function-name", "dir-fn", "--runtime", "python3.12",
		"--role", role, "--handler", "app.handler", "--code", "S3Bucket=salve-local,S3Key="+code)
	cli.Output("lambda", "invoke", "--function-name", "dir-fn", outPath)
	payload, err = os.ReadFile(outPath)
	require.NoError(t, err)
	require.Equal(t, `"from dir"`, string(payload))

	cli.Output("lambda", "delete-function", "--function-name", "cli-fn")
	res = cli.Run("lambda", "get-function", "--function-name", "cli-fn")
	awscli.RequireError(t, res, "ResourceNotFoundException")
	n, err := e.svc.Tick(context.Background())
	require.NoError(t, err)
	require.Zero(t, n, "the queued invocation of the deleted function is dropped")
}
