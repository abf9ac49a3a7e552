package functions

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

// A worker that dies mid-run leaves its lease; once the lease ends the
// invocation runs again (at least once).
func TestService_Claim_LeaseExpiresAfterCrash(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	runner, err := script.New(script.Params{Endpoint: "http://127.0.0.1:1"})
	require.NoError(t, err)
	fake := clock.NewFake(time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC))
	params := Params{Store: st, Clock: fake, Runner: runner}
	crashed := New(params)

	out := filepath.Join(t.TempDir(), "ran")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("app.py")
	_, _ = w.Write([]byte("import os\ndef handler(e, c):\n    open(os.environ['OUT'], 'a').write('x')\n"))
	require.NoError(t, zw.Close())
	scope := tenant.Scope{AccountID: "111122223333", Region: "us-east-1"}
	_, err = crashed.Create(ctx, scope, CreateParams{Name: "f", Runtime: "python3.12", Role: "arn:aws:iam::111122223333:role/r",
		Handler: "app.handler", Environment: map[string]string{"OUT": out}, Code: CodeSource{ZipFile: buf.Bytes()}})
	require.NoError(t, err)
	_, err = crashed.Enqueue(ctx, scope, InvokeParams{FunctionName: "f"})
	require.NoError(t, err)
	taken, err := crashed.claim(ctx, 10)
	require.NoError(t, err)
	require.Len(t, taken, 1)

	restarted := New(params)
	n, err := restarted.Tick(ctx)
	require.NoError(t, err)
	require.Zero(t, n, "the lease still holds")
	fake.Advance(3*time.Second + script.InitTimeout + leaseMargin)
	n, err = restarted.Tick(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Equal(t, "x", string(b))
}
