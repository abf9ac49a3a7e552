package cli

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func TestMain_Commands(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI("version")
	require.Equal(t, 0, code)
	require.Contains(t, out, "salve dev")

	code, _, errOut := runCLI("frobnicate")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, `unknown command "frobnicate"`)

	code, _, errOut = runCLI()
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "salve serve")

	code, out, _ = runCLI("serve", "--help")
	require.Equal(t, 0, code)
	require.Contains(t, out, "--data-dir")

	code, _, errOut = runCLI("serve", "--auth", "sigv4")
	require.Equal(t, 1, code, "a bad setting stops start-up with a message")
	require.Contains(t, errOut, "needs credentials")
}
