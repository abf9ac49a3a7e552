package action_test

import (
	"context"
	"errors"
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

// startWith sets up an execution of content with engine params p (Clock
// and Registry are filled in).
func startWith(t *testing.T, content string, p engine.Params) *run {
	t.Helper()
	doc, err := automation.Parse([]byte(content), "YAML")
	require.NoError(t, err)
	params, err := expr.BindParameters(doc, nil)
	require.NoError(t, err)
	p.Clock = clock.NewFake(t0)
	p.Registry = engine.NewRegistry()
	action.Register(p.Registry)
	r := &run{clk: p.Clock.(*clock.Fake), doc: doc, eng: engine.New(p)}
	r.x = engine.NewExecution(doc, engine.NewExecutionParams{ID: "parent-id", Region: "eu-west-1",
		AccountID: "111122223333", Parameters: params})
	return r
}

// fakeChildren is a ChildStarter whose children report scripted statuses.
type fakeChildren struct {
	started  []engine.ChildRequest
	statuses []string
	outputs  map[string][]string
	err      error
}

// StartChild implements engine.ChildStarter.
func (f *fakeChildren) StartChild(_ context.Context, req engine.ChildRequest) (string, error) {
	f.started = append(f.started, req)
	return "child-1", f.err
}

// ChildStatus implements engine.ChildStarter: each call takes the next
// status, the last one repeats.
func (f *fakeChildren) ChildStatus(_ context.Context, id string) (string, map[string][]string, error) {
	st := f.statuses[0]
	if len(f.statuses) > 1 {
		f.statuses = f.statuses[1:]
	}
	return st, f.outputs, nil
}

// childDoc runs one aws:executeAutomation step.
const childDoc = `schemaVersion: '0.3'
parameters:
  Ids: {type: StringList, default: [i-1, i-2]}
mainSteps:
  - name: Child
    action: aws:executeAutomation
    inputs:
      DocumentName: AWS-StopEC2Instance
      DocumentVersion: '2'
      RuntimeParameters: {InstanceId: '{{ Ids }}', Force: true}
  - {name: Use, action: aws:executeAwsApi, inputs: {Service: s3, Api: ListBuckets, Got: '{{ Child.Output }}', Id: '{{ Child.ExecutionId }}'}}
`

func TestExecuteAutomation(t *testing.T) {
	t.Parallel()
	t.Run("WaitsForTheChild", func(t *testing.T) {
		t.Parallel()
		kids := &fakeChildren{statuses: []string{"InProgress", "Success"},
			outputs: map[string][]string{"b.Out": {"2"}, "a.Out": {"1", "x"}}}
		var got map[string]any
		r := startWith(t, childDoc, engine.Params{Children: kids,
			Caller: engine.CallerFunc(func(_ context.Context, req engine.CallRequest) (map[string]any, error) {
				got = req.Input
				return map[string]any{}, nil
			})})
		require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(action.PollInterval)}, r.advance(t))
		r.clk.Advance(action.PollInterval)
		require.Equal(t, engine.Done, r.advance(t).Kind)
		require.Equal(t, engine.StatusSuccess, r.x.Status)
		require.Equal(t, []engine.ChildRequest{{ParentID: "parent-id", DocumentName: "AWS-StopEC2Instance",
			DocumentVersion: "2", Parameters: map[string][]string{"InstanceId": {"i-1", "i-2"}, "Force": {"true"}}}},
			kids.started, "one child, started once across polls")
		require.Equal(t, map[string][]string{"ExecutionId": {"child-1"}, "Status": {"Success"},
			"Output": {"1", "x", "2"}}, r.x.StepExecutions[0].Outputs)
		require.Equal(t, map[string]any{"Got": []any{"1", "x", "2"}, "Id": "child-1"}, got)
	})
	t.Run("FailedChildFailsTheStep", func(t *testing.T) {
		t.Parallel()
		kids := &fakeChildren{statuses: []string{"Failed"}}
		r := startWith(t, childDoc, engine.Params{Children: kids})
		r.advance(t)
		require.Equal(t, engine.StatusFailed, r.x.Status)
		se := r.x.StepExecutions[0]
		require.Equal(t, "The child automation child-1 ended with status Failed.", se.FailureMessage)
		require.Equal(t, []string{"Failed"}, se.Outputs["Status"])
	})
	t.Run("StartFails", func(t *testing.T) {
		t.Parallel()
		kids := &fakeChildren{err: errors.New("document AWS-StopEC2Instance version 2 does not exist")}
		r := startWith(t, childDoc, engine.Params{Children: kids})
		r.advance(t)
		require.Contains(t, r.x.StepExecutions[0].FailureMessage,
			"Starting a child automation of AWS-StopEC2Instance failed: document AWS-StopEC2Instance version 2 does not exist")
	})
	t.Run("NoChildStarter", func(t *testing.T) {
		t.Parallel()
		r := startWith(t, childDoc, engine.Params{})
		r.advance(t)
		require.Equal(t, "This Salve host cannot start child automations, so aws:executeAutomation cannot run.",
			r.x.StepExecutions[0].FailureMessage)
	})
	t.Run("RateControlRefused", func(t *testing.T) {
		t.Parallel()
		content := "schemaVersion: '0.3'\nmainSteps:\n  - {name: C, action: aws:executeAutomation, " +
			"inputs: {DocumentName: D, TargetParameterName: InstanceId, Targets: [{Key: tag:a, Values: [b]}]}}\n"
		r := startWith(t, content, engine.Params{Children: &fakeChildren{statuses: []string{"Success"}}})
		r.advance(t)
		require.Contains(t, r.x.StepExecutions[0].FailureMessage, "rate-controlled child automation")
		require.Equal(t, engine.StageInputValidation, r.x.StepExecutions[0].FailureDetails.FailureStage)
	})
}

// instanceCaller answers EC2 calls: DescribeInstances reports states in
// turn (the last repeats); status answers DescribeInstanceStatus.
type instanceCaller struct {
	states []string
	status func() (map[string]any, error)
	calls  []engine.CallRequest
}

// Call implements engine.AWSCaller.
func (c *instanceCaller) Call(_ context.Context, req engine.CallRequest) (map[string]any, error) {
	c.calls = append(c.calls, req)
	switch req.API {
	case "DescribeInstances":
		st := c.states[0]
		if len(c.states) > 1 {
			c.states = c.states[1:]
		}
		return map[string]any{"Reservations": []any{map[string]any{"Instances": []any{
			map[string]any{"InstanceId": "i-1", "State": map[string]any{"Name": st}}}}}}, nil
	case "DescribeInstanceStatus":
		return c.status()
	}
	return map[string]any{}, nil
}

// apis lists the APIs called.
func (c *instanceCaller) apis() []string {
	out := make([]string, len(c.calls))
	for i, r := range c.calls {
		out[i] = r.API
	}
	return out
}

// stateDoc is one aws:changeInstanceState step with extra inputs.
func stateDoc(inputs string) string {
	return "schemaVersion: '0.3'\nmainSteps:\n  - {name: S, action: aws:changeInstanceState, inputs: {InstanceIds: [i-1], " +
		inputs + "}}\n"
}

// statusOK is a DescribeInstanceStatus answer for i-1.
func statusOK(instance string) func() (map[string]any, error) {
	return func() (map[string]any, error) {
		return map[string]any{"InstanceStatuses": []any{map[string]any{"InstanceId": "i-1",
			"InstanceStatus": map[string]any{"Status": instance}, "SystemStatus": map[string]any{"Status": "ok"}}}}, nil
	}
}

func TestChangeInstanceState(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		inputs string
		caller *instanceCaller
		polls  int
		apis   []string
		status string
		msg    string
	}{
		{name: "StopPollsUntilStopped", inputs: "DesiredState: stopped", polls: 2,
			caller: &instanceCaller{states: []string{"stopping", "stopping", "stopped"}},
			apis:   []string{"StopInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances"},
			status: engine.StatusSuccess},
		{name: "CheckStateOnlyChangesNothing", inputs: "DesiredState: stopped, CheckStateOnly: true",
			caller: &instanceCaller{states: []string{"stopped"}},
			apis:   []string{"DescribeInstances"}, status: engine.StatusSuccess},
		{name: "TerminateAsked", inputs: "DesiredState: terminated",
			caller: &instanceCaller{states: []string{"terminated"}},
			apis:   []string{"TerminateInstances", "DescribeInstances"}, status: engine.StatusSuccess},
		{name: "RunningWaitsForStatusChecks", inputs: "DesiredState: running", polls: 1,
			caller: &instanceCaller{states: []string{"running"}, status: func() func() (map[string]any, error) {
				n := 0
				return func() (map[string]any, error) {
					n++
					if n == 1 {
						return statusOK("initializing")()
					}
					return statusOK("ok")()
				}
			}()},
			apis: []string{"StartInstances", "DescribeInstances", "DescribeInstanceStatus", "DescribeInstances",
				"DescribeInstanceStatus"}, status: engine.StatusSuccess},
		{name: "RunningStateOnlyWhenStatusUnserved", inputs: "DesiredState: running",
			caller: &instanceCaller{states: []string{"running"}, status: func() (map[string]any, error) {
				return nil, awserr.New(awserr.UnknownOperationException, "not served")
			}},
			apis:   []string{"StartInstances", "DescribeInstances", "DescribeInstanceStatus"},
			status: engine.StatusSuccess},
		{name: "TerminatedCannotStop", inputs: "DesiredState: stopped",
			caller: &instanceCaller{states: []string{"terminated"}},
			apis:   []string{"StopInstances", "DescribeInstances"}, status: engine.StatusFailed,
			msg: "Instance i-1 is terminated, so it can never be stopped."},
		{name: "BadDesiredState", inputs: "DesiredState: paused", caller: &instanceCaller{},
			apis: []string{}, status: engine.StatusFailed,
			msg: `DesiredState "paused" must be running, stopped or terminated.`},
		{name: "BadForce", inputs: "DesiredState: stopped, Force: maybe", caller: &instanceCaller{},
			apis: []string{}, status: engine.StatusFailed, msg: `Input Force must be true or false, not "maybe".`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := startWith(t, stateDoc(tt.inputs), engine.Params{Caller: tt.caller})
			for range tt.polls {
				require.Equal(t, engine.WaitUntil, r.advance(t).Kind)
				r.clk.Advance(action.PollInterval)
			}
			require.Equal(t, engine.Done, r.advance(t).Kind)
			require.Equal(t, tt.status, r.x.Status)
			require.Equal(t, tt.apis, tt.caller.apis())
			require.Equal(t, tt.msg, r.x.StepExecutions[0].FailureMessage)
		})
	}
}

func TestChangeInstanceState_TimesOut(t *testing.T) {
	t.Parallel()
	caller := &instanceCaller{states: []string{"stopping"}}
	r := startWith(t, "schemaVersion: '0.3'\nmainSteps:\n  - {name: S, action: aws:changeInstanceState, "+
		"timeoutSeconds: 12, inputs: {InstanceIds: [i-1], DesiredState: stopped, Force: true}}\n",
		engine.Params{Caller: caller})
	require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(5 * time.Second)}, r.advance(t))
	r.clk.Advance(5 * time.Second)
	require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(10 * time.Second)}, r.advance(t))
	r.clk.Advance(5 * time.Second)
	require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(12 * time.Second)}, r.advance(t))
	r.clk.Advance(2 * time.Second)
	require.Equal(t, engine.Done, r.advance(t).Kind)
	require.Equal(t, engine.StatusTimedOut, r.x.Status)
	require.Equal(t, map[string]any{"InstanceIds": []any{"i-1"}, "Force": true}, caller.calls[0].Input)
	require.Equal(t, 1, countAPI(caller, "StopInstances"), "the stop is asked once per attempt")
}

// countAPI counts the calls of api.
func countAPI(c *instanceCaller, api string) int {
	n := 0
	for _, r := range c.calls {
		if r.API == api {
			n++
		}
	}
	return n
}

// fakeFunctions is a FunctionInvoker returning res.
type fakeFunctions struct {
	got engine.FunctionRequest
	res engine.FunctionResult
}

// Invoke implements engine.FunctionInvoker.
func (f *fakeFunctions) Invoke(_ context.Context, req engine.FunctionRequest) (engine.FunctionResult, error) {
	f.got = req
	return f.res, nil
}

func TestInvokeLambdaFunction(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nmainSteps:\n  - {name: L, action: aws:invokeLambdaFunction, " +
		"inputs: {FunctionName: fix, Qualifier: live, LogType: Tail, InputPayload: {Id: '{{ automation:EXECUTION_ID }}'}}}\n"
	fns := &fakeFunctions{res: engine.FunctionResult{StatusCode: 200, FunctionError: "Unhandled",
		LogResult: "bG9n", Payload: []byte(`{"errorMessage":"boom"}`)}}
	r := startWith(t, content, engine.Params{Functions: fns})
	r.advance(t)
	require.Equal(t, engine.StatusSuccess, r.x.Status, "a function error is an output, not a step failure")
	require.Equal(t, engine.FunctionRequest{FunctionName: "fix", Qualifier: "live", InvocationType: "RequestResponse",
		LogType: "Tail", Payload: []byte(`{"Id":"parent-id"}`), Region: "eu-west-1", AccountID: "111122223333"}, fns.got)
	require.Equal(t, map[string][]string{"StatusCode": {"200"}, "FunctionError": {"Unhandled"},
		"LogResult": {"bG9n"}, "Payload": {`{"errorMessage":"boom"}`}}, r.x.StepExecutions[0].Outputs)

	bad := "schemaVersion: '0.3'\nmainSteps:\n  - {name: L, action: aws:invokeLambdaFunction, inputs: {FunctionName: f, Payload: 'not json'}}\n"
	r = startWith(t, bad, engine.Params{Functions: fns})
	r.advance(t)
	require.Equal(t, `Payload must be JSON text, not "not json".`, r.x.StepExecutions[0].FailureMessage)
}

func TestUpdateVariable_Typed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ, value string
		want       any
		msg        string
	}{
		{typ: "Integer", value: "'42'", want: 42},
		{typ: "Boolean", value: "'true'", want: true},
		{typ: "String", value: "7", want: "7"},
		{typ: "StringList", value: "[a, b]", want: []any{"a", "b"}},
		{typ: "StringMap", value: `'{"k": "v"}'`, want: map[string]any{"k": "v"}},
		{typ: "Integer", value: "abc", msg: `Value "abc" cannot be stored in variable V:`},
	}
	for _, tt := range tests {
		t.Run(tt.typ+tt.value, func(t *testing.T) {
			t.Parallel()
			content := "schemaVersion: '0.3'\nvariables:\n  V: {type: " + tt.typ + "}\nmainSteps:\n" +
				"  - {name: U, action: aws:updateVariable, inputs: {Name: 'variable:V', Value: " + tt.value + "}}\n"
			r := startWith(t, content, engine.Params{})
			r.advance(t)
			if tt.msg != "" {
				require.Equal(t, engine.StatusFailed, r.x.Status)
				require.Contains(t, r.x.StepExecutions[0].FailureMessage, tt.msg)
				return
			}
			require.Equal(t, engine.StatusSuccess, r.x.Status, r.x.FailureMessage)
			require.Equal(t, tt.want, r.x.Variables["V"])
		})
	}
}
