package action_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/action"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/clock"
)

// t0 is the fake clock's start.
var t0 = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// run is one execution of a YAML document with a caller function.
type run struct {
	eng *engine.Engine
	clk *clock.Fake
	doc *automation.Document
	x   *engine.Execution
}

// start sets up an execution of content.
func start(t *testing.T, content string, call engine.CallerFunc) *run {
	t.Helper()
	doc, err := automation.Parse([]byte(content), "YAML")
	require.NoError(t, err)
	params, err := expr.BindParameters(doc, nil)
	require.NoError(t, err)
	reg := engine.NewRegistry()
	action.Register(reg)
	r := &run{clk: clock.NewFake(t0), doc: doc}
	r.eng = engine.New(engine.Params{Clock: r.clk, Registry: reg, Caller: call})
	r.x = engine.NewExecution(doc, engine.NewExecutionParams{ID: "x", Parameters: params})
	return r
}

// advance runs Advance.
func (r *run) advance(t *testing.T) engine.Outcome {
	t.Helper()
	out, err := r.eng.Advance(context.Background(), r.x, r.doc)
	require.NoError(t, err)
	return out
}

func TestParseDuration(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]time.Duration{
		"PT10M":   10 * time.Minute,
		"PT300S":  300 * time.Second,
		"PT1H30M": 90 * time.Minute,
		"P1DT2H":  26 * time.Hour,
		"P1W":     7 * 24 * time.Hour,
		"PT0.5S":  500 * time.Millisecond,
		"pt5s":    5 * time.Second,
	} {
		got, err := action.ParseDuration(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "P", "PT", "10M", "P1M", "PT-5S", "PTS"} {
		_, err := action.ParseDuration(bad)
		require.Error(t, err, bad)
	}
}

func TestSleep_Timestamp(t *testing.T) {
	t.Parallel()
	past := "schemaVersion: '0.3'\nmainSteps:\n  - {name: S, action: aws:sleep, inputs: {Timestamp: '2020-01-01T01:00:00Z'}}\n"
	r := start(t, past, nil)
	require.Equal(t, engine.Done, r.advance(t).Kind)
	require.Equal(t, engine.StatusSuccess, r.x.Status)

	future := "schemaVersion: '0.3'\nmainSteps:\n  - {name: S, action: aws:sleep, inputs: {Timestamp: '2024-05-01T13:00:00Z'}}\n"
	r = start(t, future, nil)
	require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(time.Hour)}, r.advance(t))
}

// waitDoc polls DescribeVolumes until the volume is available.
const waitDoc = "schemaVersion: '0.3'\nmainSteps:\n  - name: W\n    action: aws:waitForAwsResourceProperty\n" +
	"    inputs: {Service: ec2, Api: describe_volumes, VolumeIds: [vol-1], PropertySelector: '$.Volumes[0].State', DesiredValues: [available]}\n"

func TestWaitForAwsResourceProperty_Polls(t *testing.T) {
	t.Parallel()
	calls := 0
	r := start(t, waitDoc, func(_ context.Context, req engine.CallRequest) (map[string]any, error) {
		require.Equal(t, "DescribeVolumes", req.API)
		require.Equal(t, map[string]any{"VolumeIds": []any{"vol-1"}}, req.Input)
		calls++
		state := "creating"
		if calls == 3 {
			state = "available"
		}
		return map[string]any{"Volumes": []any{map[string]any{"State": state}}}, nil
	})
	require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(action.PollInterval)}, r.advance(t))
	r.clk.Advance(action.PollInterval)
	require.Equal(t, engine.WaitUntil, r.advance(t).Kind)
	r.clk.Advance(action.PollInterval)
	require.Equal(t, engine.Done, r.advance(t).Kind)
	require.Equal(t, engine.StatusSuccess, r.x.Status)
	require.Equal(t, 3, calls)
}

func TestWaitForAwsResourceProperty_TimesOut(t *testing.T) {
	t.Parallel()
	r := start(t, waitDoc, func(context.Context, engine.CallRequest) (map[string]any, error) {
		return map[string]any{"Volumes": []any{map[string]any{"State": "creating"}}}, nil
	})
	r.advance(t)
	require.Equal(t, 3600, r.x.StepExecutions[0].TimeoutSeconds)
	r.clk.Advance(action.DefaultWaitTimeout)
	require.Equal(t, engine.Done, r.advance(t).Kind)
	require.Equal(t, engine.StatusTimedOut, r.x.Status)
}

func TestApprove_MinRequiredApprovals(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nmainSteps:\n  - name: A\n    action: aws:approve\n" +
		"    inputs: {Approvers: [alice, bob], MinRequiredApprovals: 2}\n"
	r := start(t, content, nil)
	r.advance(t)
	approve := func(who string) {
		require.NoError(t, r.eng.Signal(r.x, r.doc, engine.ReceivedSignal{Type: engine.SignalApprove, Sender: who}))
	}
	approve("alice")
	approve("alice")
	require.Equal(t, engine.WaitSignal, r.advance(t).Kind, "one approver twice is one approval")
	approve("bob")
	require.Equal(t, engine.Done, r.advance(t).Kind)
	require.Equal(t, engine.StatusSuccess, r.x.Status)
	require.Len(t, r.x.StepExecutions[0].Outputs["ApproverDecisions"], 3)
}

func TestApprove_BadMinRequiredApprovals(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nmainSteps:\n  - name: A\n    action: aws:approve\n" +
		"    inputs: {Approvers: [alice], MinRequiredApprovals: 2}\n"
	r := start(t, content, nil)
	r.advance(t)
	require.Equal(t, engine.StatusFailed, r.x.Status)
	require.Contains(t, r.x.FailureMessage, "MinRequiredApprovals is 2; it must be between 1 and the number of Approvers (1)")
}

func TestUpdateVariable(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nvariables:\n  Token: {type: String, default: start}\nmainSteps:\n" +
		"  - {name: U, action: aws:updateVariable, inputs: {Name: 'variable:Token', Value: 'next-{{ variable:Token }}'}}\n" +
		"  - {name: C, action: aws:executeAwsApi, inputs: {Service: s3, Api: ListBuckets, T: '{{ variable:Token }}'}}\n"
	var got map[string]any
	r := start(t, content, func(_ context.Context, req engine.CallRequest) (map[string]any, error) {
		got = req.Input
		return map[string]any{}, nil
	})
	r.advance(t)
	require.Equal(t, engine.StatusSuccess, r.x.Status)
	require.Equal(t, map[string]any{"T": "next-start"}, got)
	require.Equal(t, "next-start", r.x.Variables["Token"])
}

func TestUnavailableActions(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nmainSteps:\n  - {name: L, action: aws:invokeLambdaFunction, inputs: {FunctionName: f}}\n"
	r := start(t, content, nil)
	r.advance(t)
	require.Equal(t, engine.StatusFailed, r.x.Status)
	require.Equal(t, "Lambda-style handlers are not available yet.", r.x.StepExecutions[0].FailureMessage)
}

func TestExecuteAwsAPI_NoCaller(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nmainSteps:\n  - {name: C, action: aws:executeAwsApi, inputs: {Service: s3, Api: ListBuckets}}\n"
	r := start(t, content, nil)
	r.eng = engine.New(engine.Params{Clock: r.clk, Registry: func() *engine.Registry {
		reg := engine.NewRegistry()
		action.Register(reg)
		return reg
	}()})
	r.advance(t)
	require.Contains(t, r.x.StepExecutions[0].FailureMessage, "no AWS caller is configured")
}
