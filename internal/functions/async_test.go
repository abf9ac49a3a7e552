package functions_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/functions"
)

// recorder is a function body that appends event["n"] to the file named
// by its OUT variable, then raises when event["fail"] is set.
const recorder = `import os
def handler(event, context):
    with open(os.environ["OUT"], "a") as f:
        f.write(str(event.get("n")) + "\n")
    if event.get("fail"):
        raise ValueError("asked to fail")
    return "ok"
`

// createRecorder creates function name running recorder and returns the
// file it appends to.
func (e *env) createRecorder(t *testing.T, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "runs")
	e.create(t, name, recorder, func(p *functions.CreateParams) { p.Environment = map[string]string{"OUT": out} })
	return out
}

// runs returns the lines the recorder wrote.
func runs(t *testing.T, out string) []string {
	t.Helper()
	b, err := os.ReadFile(out)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	return strings.Fields(string(b))
}

// tick runs due invocations and returns how many ran.
func (e *env) tick(t *testing.T, svc *functions.Service) int {
	t.Helper()
	n, err := svc.Tick(context.Background())
	require.NoError(t, err)
	return n
}

func TestService_Enqueue_RunsOnceAfterRestart(t *testing.T) {
	t.Parallel()
	e := setup(t)
	out := e.createRecorder(t, "rec")
	id, err := e.svc.Enqueue(context.Background(), scope, functions.InvokeParams{FunctionName: "rec", Payload: []byte(`{"n": 1}`)})
	require.NoError(t, err)
	require.NotEmpty(t, id)
	require.Empty(t, runs(t, out), "nothing runs before a tick")

	restarted := e.service(t)
	require.Equal(t, 1, e.tick(t, restarted))
	require.Equal(t, []string{"1"}, runs(t, out))
	require.Equal(t, 0, e.tick(t, restarted), "a succeeded invocation is gone")
	e.clock.Advance(time.Hour)
	require.Equal(t, 0, e.tick(t, e.svc))
}

func TestService_Enqueue_RetriesFunctionErrorsTwice(t *testing.T) {
	t.Parallel()
	e := setup(t)
	out := e.createRecorder(t, "rec")
	_, err := e.svc.Enqueue(context.Background(), scope, functions.InvokeParams{FunctionName: "rec",
		Payload: []byte(`{"n": 7, "fail": true}`)})
	require.NoError(t, err)
	require.Equal(t, 1, e.tick(t, e.svc))
	require.Equal(t, 0, e.tick(t, e.svc), "the retry waits a minute")
	e.clock.Advance(time.Minute)
	require.Equal(t, 1, e.tick(t, e.svc))
	e.clock.Advance(time.Minute)
	require.Equal(t, 0, e.tick(t, e.svc), "the second retry waits two minutes")
	e.clock.Advance(time.Minute)
	require.Equal(t, 1, e.tick(t, e.svc))
	e.clock.Advance(time.Hour)
	require.Equal(t, 0, e.tick(t, e.svc), "given up after two retries")
	require.Equal(t, []string{"7", "7", "7"}, runs(t, out))
}

func TestService_Enqueue_Refuses(t *testing.T) {
	t.Parallel()
	e := setup(t)
	out := e.createRecorder(t, "rec")
	_, err := e.svc.Enqueue(context.Background(), scope, functions.InvokeParams{FunctionName: "nope"})
	requireCode(t, err, functions.CodeResourceNotFound, "Function not found")
	_, err = e.svc.Enqueue(context.Background(), scope, functions.InvokeParams{FunctionName: "rec", Payload: []byte("{")})
	requireCode(t, err, functions.CodeInvalidRequestContent, "Could not parse")
	_, err = e.svc.Enqueue(context.Background(), scope, functions.InvokeParams{FunctionName: "rec",
		Payload: make([]byte, functions.MaxAsyncPayload+1)})
	requireCode(t, err, functions.CodeRequestTooLarge, "1048576 bytes")

	_, err = e.svc.Enqueue(context.Background(), scope, functions.InvokeParams{FunctionName: "rec"})
	require.NoError(t, err)
	require.NoError(t, e.svc.Delete(context.Background(), scope, "rec", ""))
	require.Equal(t, 0, e.tick(t, e.svc), "an invocation of a deleted function is dropped")
	require.Empty(t, runs(t, out))
}

func TestService_Run_RunsWhenWoken(t *testing.T) {
	t.Parallel()
	e := setup(t)
	out := e.createRecorder(t, "rec")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.svc.Run(ctx) }()
	for i := range 3 {
		_, err := e.svc.Enqueue(context.Background(), scope, functions.InvokeParams{FunctionName: "rec",
			Payload: []byte(`{"n": ` + string(rune('1'+i)) + `}`)})
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool { return len(runs(t, out)) == 3 }, 20*time.Second, 20*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	require.ElementsMatch(t, []string{"1", "2", "3"}, runs(t, out))
}
