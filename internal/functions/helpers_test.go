package functions_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	scope = tenant.Scope{AccountID: "111122223333", Region: "eu-west-1"}
)

const role = "arn:aws:iam::111122223333:role/lambda-exec"

// env is a functions service over a fresh store.
type env struct {
	st    store.Store
	clock *clock.Fake
	sink  *configitem.Collect
	svc   *functions.Service
}

// setup returns a Service whose runner runs python3 (skipping the test
// without one).
func setup(t *testing.T) *env {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	e := &env{st: st, clock: clock.NewFake(start), sink: &configitem.Collect{}}
	e.svc = e.service(t)
	return e
}

// service returns another Service over the same store (a restart).
func (e *env) service(t *testing.T) *functions.Service {
	t.Helper()
	runner, err := script.New(script.Params{Endpoint: "http://127.0.0.1:1"})
	require.NoError(t, err)
	return functions.New(functions.Params{Store: e.st, Clock: e.clock, Sink: e.sink, Runner: runner})
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

// create creates a python3.12 function name with handler app.handler
// from code (app.py's source).
func (e *env) create(t *testing.T, name, code string, mutate ...func(*functions.CreateParams)) *functions.Function {
	t.Helper()
	p := functions.CreateParams{Name: name, Runtime: "python3.12", Role: role, Handler: "app.handler",
		Code: functions.CodeSource{ZipFile: zipOf(t, map[string]string{"app.py": code})}}
	for _, m := range mutate {
		m(&p)
	}
	f, err := e.svc.Create(context.Background(), scope, p)
	require.NoError(t, err)
	return f
}

// requireCode asserts err is an AWS error with code, its message
// containing msg.
func requireCode(t *testing.T, err error, code, msg string) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, functions.Code(err), "%v", err)
	require.Contains(t, err.Error(), msg)
}
