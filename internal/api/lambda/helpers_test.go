package lambda_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	lambdaapi "github.com/salvehq/salve/internal/api/lambda"
	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// The accounts of the tests: a 12-digit access key is the account.
const (
	account = "111122223333"
	other   = "444455556666"
	role    = "arn:aws:iam::111122223333:role/lambda-exec"
)

var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// env is a running Lambda service and what a test needs to drive it.
type env struct {
	url   string
	clock *clock.Fake
	sink  *configitem.Collect
	svc   *functions.Service
	// lambda is a us-east-1 client of account.
	lambda *lambda.Client
}

// setup starts the Lambda service on httptest over a fresh SQLite store,
// with python3 to run the functions (skipping the test without one).
func setup(t *testing.T) *env {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	ts := httptest.NewUnstartedServer(nil)
	runner, err := script.New(script.Params{Endpoint: "http://" + ts.Listener.Addr().String()})
	require.NoError(t, err)
	e := &env{clock: clock.NewFake(start), sink: &configitem.Collect{}}
	e.svc = functions.New(functions.Params{Store: st, Clock: e.clock, Sink: e.sink, Runner: runner})
	deps := lambdaapi.Deps{Functions: e.svc}
	ts.Config.Handler = awsproto.NewServer(awsproto.ServerParams{
		Auth:  &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		REST:  []*awsproto.RESTService{lambdaapi.Service(deps)},
		Salve: map[string]http.Handler{lambdaapi.CodePath: lambdaapi.CodeHandler(deps)},
	})
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e.url = ts.URL
	e.lambda = e.client(account, "us-east-1")
	return e
}

// client returns a Lambda client signed by an account's key in a region.
func (e *env) client(accessKey, region string) *lambda.Client {
	return lambda.New(lambda.Options{Region: region, BaseEndpoint: aws.String(e.url),
		Credentials: credentials.NewStaticCredentialsProvider(accessKey, "secret", ""), Retryer: aws.NopRetryer{}})
}

// zipOf returns a .zip holding files (name → content).
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(content))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// createInput is a python3.12 function name whose app.py is code.
func createInput(t *testing.T, name, code string) *lambda.CreateFunctionInput {
	return &lambda.CreateFunctionInput{FunctionName: aws.String(name), Runtime: types.RuntimePython312,
		Role: aws.String(role), Handler: aws.String("app.handler"),
		Code: &types.FunctionCode{ZipFile: zipOf(t, map[string]string{"app.py": code})}}
}

// create creates function name from code.
func (e *env) create(t *testing.T, name, code string) *lambda.CreateFunctionOutput {
	t.Helper()
	out, err := e.lambda.CreateFunction(context.Background(), createInput(t, name, code))
	require.NoError(t, err)
	return out
}

// requireCode asserts err is an AWS error with code whose message
// contains msg.
func requireCode(t *testing.T, err error, code, msg string) {
	t.Helper()
	var ae smithy.APIError
	require.Error(t, err)
	require.True(t, errors.As(err, &ae), "not an API error: %v", err)
	require.Equal(t, code, ae.ErrorCode(), "message: %s", ae.ErrorMessage())
	require.Contains(t, ae.ErrorMessage(), msg)
}
