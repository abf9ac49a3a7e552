package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/action"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
)

// t0 is the fake clock's start.
var t0 = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// fakeCaller answers AWS calls from per-API scripts and records them.
type fakeCaller struct {
	mu      sync.Mutex
	answers map[string][]answer
	calls   []engine.CallRequest
}

// answer is one scripted reply; the last one of a list repeats.
type answer struct {
	out map[string]any
	err error
	fn  func(engine.CallRequest) (map[string]any, error)
}

// on scripts the replies of an API.
func (f *fakeCaller) on(api string, as ...answer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.answers == nil {
		f.answers = map[string][]answer{}
	}
	f.answers[api] = as
}

// Call implements engine.AWSCaller.
func (f *fakeCaller) Call(_ context.Context, req engine.CallRequest) (map[string]any, error) {
	f.mu.Lock()
	f.calls = append(f.calls, req)
	as := f.answers[req.API]
	if len(as) == 0 {
		f.mu.Unlock()
		return map[string]any{}, nil
	}
	a := as[0]
	if len(as) > 1 {
		f.answers[req.API] = as[1:]
	}
	f.mu.Unlock()
	if a.fn != nil {
		return a.fn(req)
	}
	return a.out, a.err
}

// apis lists the APIs called, in order.
func (f *fakeCaller) apis() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, len(f.calls))
	for i, c := range f.calls {
		out[i] = c.API
	}
	return out
}

// ok is a successful reply.
func ok(out map[string]any) answer { return answer{out: out} }

// fails is an AWS error reply.
func fails(code string) answer { return answer{err: awserr.New(code, "scripted %s", code)} }

// bundle is one engine under test.
type bundle struct {
	eng    *engine.Engine
	clk    *clock.Fake
	caller *fakeCaller
	doc    *automation.Document
	x      *engine.Execution
	saved  [][]byte
}

// setup parses a YAML document, binds params and returns a bundle with a
// Pending execution. reg may be nil for the standard actions.
func setup(t *testing.T, content, format string, params map[string][]string, reg *engine.Registry) *bundle {
	t.Helper()
	doc, err := automation.Parse([]byte(content), format)
	require.NoError(t, err)
	bound, err := expr.BindParameters(doc, params)
	require.NoError(t, err)
	if reg == nil {
		reg = engine.NewRegistry()
		action.Register(reg)
	}
	b := &bundle{clk: clock.NewFake(t0), caller: &fakeCaller{}, doc: doc}
	n := 0
	b.eng = engine.New(engine.Params{
		Clock: b.clk, Registry: reg, Caller: b.caller,
		Persist: func(x *engine.Execution) error {
			raw, err := json.Marshal(x)
			b.saved = append(b.saved, raw)
			return err
		},
		NewID: func() string { n++; return fmt.Sprintf("step-%04d", n) },
	})
	b.x = engine.NewExecution(doc, engine.NewExecutionParams{
		ID: "11111111-2222-3333-4444-555555555555", DocumentName: "Test", AccountID: "123456789012",
		Region: "us-east-1", Parameters: bound,
	})
	return b
}

// advance runs Advance and fails the test on an error.
func (b *bundle) advance(t *testing.T) engine.Outcome {
	t.Helper()
	out, err := b.eng.Advance(context.Background(), b.x, b.doc)
	require.NoError(t, err)
	return out
}

// trace renders the steps run as "Name:Status".
func trace(x *engine.Execution) []string {
	out := make([]string, len(x.StepExecutions))
	for i, se := range x.StepExecutions {
		out[i] = se.StepName + ":" + se.Status
	}
	return out
}

// step returns the latest run of a step.
func step(t *testing.T, x *engine.Execution, name string) *engine.StepExecution {
	t.Helper()
	for i := len(x.StepExecutions) - 1; i >= 0; i-- {
		if x.StepExecutions[i].StepName == name {
			return x.StepExecutions[i]
		}
	}
	t.Fatalf("step %s did not run; trace %s", name, strings.Join(trace(x), " "))
	return nil
}

// api is a YAML step calling ec2 API name with extra step members.
func api(name, apiName string, extra ...string) string {
	s := fmt.Sprintf("  - name: %s\n    action: aws:executeAwsApi\n    inputs: {Service: ec2, Api: %s}\n", name, apiName)
	for _, e := range extra {
		s += "    " + e + "\n"
	}
	return s
}

// doc wraps steps into a YAML document.
func doc(steps ...string) string {
	return "schemaVersion: '0.3'\nmainSteps:\n" + strings.Join(steps, "")
}
