package ssm_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// rbTarget is the child runbook of the rate-control tests: an Item
// starting with "bad" fails at once, any other sleeps an hour.
const rbTarget = `schemaVersion: '0.3'
parameters:
  Item: {type: String}
  Note: {type: String, default: none}
mainSteps:
  - name: Check
    action: aws:branch
    inputs:
      Choices:
        - {NextStep: Boom, Variable: '{{ Item }}', StartsWith: bad}
      Default: Nap
  - name: Nap
    action: aws:sleep
    isEnd: true
    inputs: {Duration: PT1H}
  - name: Boom
    action: aws:executeAwsApi
    maxAttempts: 1
    inputs: {Service: ssm, Api: GetDocument, Name: no-such-runbook-anywhere}
`

// rcStart starts a rate-controlled run of rbTarget over values.
func rcStart(t *testing.T, env *salvetest.Env, values []string, conc, errs string) string {
	t.Helper()
	in := &ssm.StartAutomationExecutionInput{DocumentName: aws.String("target"), TargetParameterName: aws.String("Item"),
		Targets: []types.Target{{Key: aws.String("ParameterValues"), Values: values}}}
	if conc != "" {
		in.MaxConcurrency = aws.String(conc)
	}
	if errs != "" {
		in.MaxErrors = aws.String(errs)
	}
	out, err := env.SSM.StartAutomationExecution(context.Background(), in)
	require.NoError(t, err)
	rbDrain(t, env)
	return *out.AutomationExecutionId
}

// rcChildren lists a parent's children (DescribeAutomationExecutions
// filter ParentExecutionId) as "target=status", sorted.
func rcChildren(t *testing.T, env *salvetest.Env, parent string) []string {
	t.Helper()
	out, err := env.SSM.DescribeAutomationExecutions(context.Background(), &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{{Key: types.AutomationExecutionFilterKeyParentExecutionId,
			Values: []string{parent}}}})
	require.NoError(t, err)
	var list []string
	for _, m := range out.AutomationExecutionMetadataList {
		require.Equal(t, parent, *m.ParentAutomationExecutionId)
		x := rbGet(t, env, *m.AutomationExecutionId)
		list = append(list, *x.Target+"="+string(m.AutomationExecutionStatus))
		require.Equal(t, []string{*x.Target}, x.Parameters["Item"], "the child runs with its target value")
	}
	slices.Sort(list)
	return list
}

// rcCounters renders a parent's progress counters as
// total/success/failed/cancelled/timedOut.
func rcCounters(x *types.AutomationExecution) [5]int32 {
	p := x.ProgressCounters
	return [5]int32{p.TotalSteps, p.SuccessSteps, p.FailedSteps, p.CancelledSteps, p.TimedOutSteps}
}

// rcRunning counts children that have not ended.
func rcRunning(list []string) int {
	n := 0
	for _, c := range list {
		if !slices.ContainsFunc([]string{"=Success", "=Failed"}, func(s string) bool { return len(c) > len(s) && c[len(c)-len(s):] == s }) {
			n++
		}
	}
	return n
}

func TestStartAutomationExecution_RateControlMaxConcurrency(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "target", rbTarget)
	id := rcStart(t, env, []string{"a", "b", "c", "d", "e", "a"}, "2", "")

	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusInprogress, x.AutomationExecutionStatus)
	require.Equal(t, "Item", *x.TargetParameterName)
	require.Equal(t, "2", *x.MaxConcurrency)
	require.Equal(t, "0", *x.MaxErrors, "MaxErrors defaults to 0")
	require.Equal(t, []string{"a", "b", "c", "d", "e"}, x.ResolvedTargets.ParameterValues, "duplicates run once")
	require.False(t, x.ResolvedTargets.Truncated)
	require.Empty(t, x.StepExecutions, "a parent runs no steps of its own")
	require.Equal(t, [5]int32{5, 0, 0, 0, 0}, rcCounters(x))
	require.Equal(t, []string{"a=InProgress", "b=InProgress"}, rcChildren(t, env, id))

	for range 3 {
		require.LessOrEqual(t, rcRunning(rcChildren(t, env, id)), 2)
		rbTick(t, env, time.Hour)
	}
	x = rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus)
	require.Equal(t, [5]int32{5, 5, 0, 0, 0}, rcCounters(x))
	require.Equal(t, salvetest.Start.Add(3*time.Hour), x.ExecutionEndTime.UTC())
	require.Equal(t, []string{"a=Success", "b=Success", "c=Success", "d=Success", "e=Success"}, rcChildren(t, env, id))
}

func TestStartAutomationExecution_RateControlMaxErrors(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		values     []string
		conc, errs string
		ticks      int
		status     types.AutomationExecutionStatus
		counters   [5]int32
		children   []string
	}{
		"OneByOne": {values: []string{"bad1", "bad2", "bad3", "ok1", "ok2"}, conc: "1", errs: "1",
			status: types.AutomationExecutionStatusFailed, counters: [5]int32{5, 0, 2, 0, 0},
			children: []string{"bad1=Failed", "bad2=Failed"}},
		"RunningChildrenFinish": {values: []string{"bad1", "ok1", "bad2", "ok2", "ok3"}, conc: "2", errs: "0", ticks: 1,
			status: types.AutomationExecutionStatusFailed, counters: [5]int32{5, 1, 1, 0, 0},
			children: []string{"bad1=Failed", "ok1=Success"}},
		"Percentages": {values: []string{"bad1", "ok1", "bad2", "ok2", "ok3"}, conc: "40%", errs: "20%", ticks: 1,
			status: types.AutomationExecutionStatusFailed, counters: [5]int32{5, 1, 2, 0, 0},
			children: []string{"bad1=Failed", "bad2=Failed", "ok1=Success"}},
		"WithinBudget": {values: []string{"bad1", "ok1", "ok2"}, conc: "100%", errs: "1", ticks: 1,
			status: types.AutomationExecutionStatusCompletedWithFailure, counters: [5]int32{3, 2, 1, 0, 0},
			children: []string{"bad1=Failed", "ok1=Success", "ok2=Success"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := salvetest.Setup(t)
			rbCreate(t, env.SSM, "target", rbTarget)
			id := rcStart(t, env, tc.values, tc.conc, tc.errs)
			for range tc.ticks {
				rbTick(t, env, time.Hour)
			}
			x := rbGet(t, env, id)
			require.Equal(t, tc.status, x.AutomationExecutionStatus)
			require.Equal(t, tc.counters, rcCounters(x))
			require.Equal(t, tc.children, rcChildren(t, env, id))
			require.Contains(t, *x.FailureMessage, "did not succeed")
		})
	}
}

func TestStartAutomationExecution_TargetMaps(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "target", rbTarget)
	out, err := env.SSM.StartAutomationExecution(context.Background(), &ssm.StartAutomationExecutionInput{
		DocumentName: aws.String("target"), Parameters: map[string][]string{"Note": {"shared"}},
		TargetMaps: []map[string][]string{{"Item": {"ok-a"}}, {"Item": {"bad-b"}, "Note": {"own"}}},
		MaxErrors:  aws.String("1")})
	require.NoError(t, err)
	rbDrain(t, env)
	id := *out.AutomationExecutionId

	list, err := env.SSM.DescribeAutomationExecutions(context.Background(), &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{{Key: types.AutomationExecutionFilterKeyParentExecutionId,
			Values: []string{id}}}})
	require.NoError(t, err)
	require.Len(t, list.AutomationExecutionMetadataList, 2)
	notes := map[string]string{}
	for _, m := range list.AutomationExecutionMetadataList {
		c := rbGet(t, env, *m.AutomationExecutionId)
		notes[c.Parameters["Item"][0]] = c.Parameters["Note"][0]
	}
	require.Equal(t, map[string]string{"ok-a": "shared", "bad-b": "own"}, notes, "a map overrides the shared parameters")

	rbTick(t, env, time.Hour)
	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusCompletedWithFailure, x.AutomationExecutionStatus)
	require.Equal(t, [5]int32{2, 1, 1, 0, 0}, rcCounters(x))
	require.Len(t, x.TargetMaps, 2)
	require.Nil(t, x.ResolvedTargets, "TargetMaps resolve no target values")
	require.Equal(t, []string{"shared"}, x.Parameters["Note"])
}

func TestStopAutomationExecution_RateControlledParent(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "target", rbTarget)
	id := rcStart(t, env, []string{"a", "b", "c"}, "2", "")
	_, err := env.SSM.StopAutomationExecution(ctx, &ssm.StopAutomationExecutionInput{AutomationExecutionId: aws.String(id)})
	require.NoError(t, err)
	rbDrain(t, env)

	x := rbGet(t, env, id)
	require.Equal(t, types.AutomationExecutionStatusCancelled, x.AutomationExecutionStatus)
	require.Equal(t, [5]int32{3, 0, 0, 2, 0}, rcCounters(x), "the running children were cancelled")
	require.Equal(t, []string{"a=Cancelled", "b=Cancelled"}, rcChildren(t, env, id))

	_, err = env.SSM.SendAutomationSignal(ctx, &ssm.SendAutomationSignalInput{AutomationExecutionId: aws.String(id),
		SignalType: types.SignalTypeResume})
	salvetest.RequireAPIError(t, err, "InvalidAutomationSignalException")
}

func TestStartAutomationExecution_RateControlErrors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "target", rbTarget)
	pv := func(vals ...string) []types.Target {
		return []types.Target{{Key: aws.String("ParameterValues"), Values: vals}}
	}
	for name, tc := range map[string]struct {
		in        *ssm.StartAutomationExecutionInput
		code, msg string
	}{
		"TagTarget": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"),
			Targets: []types.Target{{Key: aws.String("tag:Env"), Values: []string{"prod"}}}}, "InvalidTarget", "tag:Env"},
		"ResourceGroup": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"),
			Targets: []types.Target{{Key: aws.String("ResourceGroup"), Values: []string{"g"}}}}, "InvalidTarget", "ParameterValues"},
		"NoValues": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"), Targets: pv()},
			"InvalidTarget", "no values"},
		"NoParameterName": {&ssm.StartAutomationExecutionInput{Targets: pv("a")},
			"InvalidAutomationExecutionParametersException", "TargetParameterName is required"},
		"UnknownParameterName": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Nope"), Targets: pv("a")},
			"InvalidAutomationExecutionParametersException", "Nope is not a parameter"},
		"TargetsAndMaps": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"), Targets: pv("a"),
			TargetMaps: []map[string][]string{{"Item": {"b"}}}}, "InvalidAutomationExecutionParametersException", "both"},
		"MaxErrorsAlone": {&ssm.StartAutomationExecutionInput{MaxErrors: aws.String("1"),
			Parameters: map[string][]string{"Item": {"a"}}}, "InvalidAutomationExecutionParametersException", "only with Targets"},
		"Interactive": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"), Targets: pv("a"),
			Mode: types.ExecutionModeInteractive}, "InvalidAutomationExecutionParametersException", "Interactive"},
		"BadMapParameter": {&ssm.StartAutomationExecutionInput{TargetMaps: []map[string][]string{{"Bogus": {"b"}}}},
			"InvalidAutomationExecutionParametersException", "target map"},
		"MissingTargetValue": {&ssm.StartAutomationExecutionInput{TargetMaps: []map[string][]string{{"Note": {"b"}}}},
			"InvalidAutomationExecutionParametersException", "Item"},
		"TargetLocations": {&ssm.StartAutomationExecutionInput{Parameters: map[string][]string{"Item": {"a"}},
			TargetLocations: []types.TargetLocation{{Accounts: []string{"111122223333"}, Regions: []string{"us-east-1"}}}},
			"InvalidAutomationExecutionParametersException", "TargetLocations"},
		"ZeroConcurrency": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"), Targets: pv("a"),
			MaxConcurrency: aws.String("0")}, "ValidationException", "maxConcurrency"},
		"TooManyPercent": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"), Targets: pv("a"),
			MaxErrors: aws.String("101%")}, "ValidationException", "maxErrors"},
		"BadTargetKey": {&ssm.StartAutomationExecutionInput{TargetParameterName: aws.String("Item"),
			Targets: []types.Target{{Key: aws.String("a!b"), Values: []string{"x"}}}}, "ValidationException", "targets.1.member.key"},
		"EmptyTargetMap": {&ssm.StartAutomationExecutionInput{TargetMaps: []map[string][]string{{}}},
			"ValidationException", "targetMaps.1.member"},
		"LongTargetMapValue": {&ssm.StartAutomationExecutionInput{TargetMaps: []map[string][]string{{"Item": {string(make([]byte, 51))}}}},
			"ValidationException", "50"},
	} {
		t.Run(name, func(t *testing.T) {
			tc.in.DocumentName = aws.String("target")
			_, err := env.SSM.StartAutomationExecution(ctx, tc.in)
			salvetest.RequireAPIError(t, err, tc.code, tc.msg)
		})
	}
	list, err := env.SSM.DescribeAutomationExecutions(ctx, &ssm.DescribeAutomationExecutionsInput{})
	require.NoError(t, err)
	require.Empty(t, list.AutomationExecutionMetadataList, "a refused start stores nothing")
}
