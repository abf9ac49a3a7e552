package engine_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
)

// forEachDoc loops over three instance ids, tagging each.
const forEachDoc = `schemaVersion: '0.3'
parameters:
  Ids: {type: StringList, default: [i-1, i-2, i-3]}
mainSteps:
  - name: Each
    action: aws:loop
    inputs:
      Iterators: '{{ Ids }}'
      Steps:
        - name: Tag
          action: aws:executeAwsApi
          inputs: {Service: ec2, Api: CreateTags, Resources: ['{{ Each.CurrentIteratorValue }}'], Pass: '{{ Each.CurrentIteration }}'}
  - name: After
    action: aws:executeAwsApi
    inputs: {Service: ec2, Api: DescribeTags, Last: '{{ Each.CurrentIteratorValue }}'}
`

func TestLoop_ForEach(t *testing.T) {
	t.Parallel()
	b := setup(t, forEachDoc, "YAML", nil, nil)
	require.Equal(t, engine.Done, b.advance(t).Kind)
	require.Equal(t, engine.StatusSuccess, b.x.Status)
	// Step runs are listed in the order they started: the loop first.
	require.Equal(t, []string{"Each:Success", "Tag:Success", "Tag:Success", "Tag:Success", "After:Success"},
		trace(b.x))
	for i, id := range []string{"i-1", "i-2", "i-3"} {
		require.Equal(t, map[string]any{"Resources": []any{id}, "Pass": i + 1}, b.caller.calls[i].Input)
	}
	require.Equal(t, map[string]any{"Last": "i-3"}, b.caller.calls[3].Input)
	loop := step(t, b.x, "Each")
	require.Equal(t, map[string][]string{"CurrentIteration": {"3"}, "CurrentIteratorValue": {"i-3"}}, loop.Outputs)
	second := b.x.StepExecutions[2]
	require.Equal(t, &engine.ParentStepDetails{StepExecutionID: loop.StepExecutionID, StepName: "Each",
		Action: "aws:loop", Iteration: 2, IteratorValue: "i-2"}, second.ParentStepDetails)
	require.Nil(t, loop.ParentStepDetails)
	require.Empty(t, b.x.Loops)
}

func TestLoop_ForEachTyped(t *testing.T) {
	t.Parallel()
	content := `schemaVersion: '0.3'
mainSteps:
  - name: Each
    action: aws:loop
    inputs:
      Iterators: ['1', '20']
      IteratorDataType: Integer
      MaxIterations: 1
      Steps:
        - {name: Call, action: aws:executeAwsApi, inputs: {Service: s3, Api: ListBuckets, N: '{{ Each.CurrentIteratorValue }}'}}
`
	b := setup(t, content, "YAML", nil, nil)
	b.advance(t)
	require.Equal(t, engine.StatusSuccess, b.x.Status)
	require.Len(t, b.caller.calls, 1, "MaxIterations caps a for-each loop")
	require.Equal(t, map[string]any{"N": 1}, b.caller.calls[0].Input)
}

// whileDoc polls until Check reports Done, at most Max passes.
func whileDoc(max int) string {
	return `schemaVersion: '0.3'
mainSteps:
  - name: Poll
    action: aws:loop
    inputs:
      MaxIterations: ` + itoa(max) + `
      LoopCondition: {Variable: '{{ Check.Done }}', BooleanEquals: false}
      Steps:
        - name: Check
          action: aws:executeAwsApi
          inputs: {Service: ec2, Api: DescribeThing, Round: '{{ Poll.CurrentIteration }}'}
          outputs: [{Name: Done, Selector: $.Done, Type: Boolean}]
`
}

// itoa formats small ints for documents.
func itoa(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

func TestLoop_DoWhile(t *testing.T) {
	t.Parallel()
	t.Run("EndsOnCondition", func(t *testing.T) {
		t.Parallel()
		b := setup(t, whileDoc(10), "YAML", nil, nil)
		b.caller.on("DescribeThing", ok(map[string]any{"Done": false}), ok(map[string]any{"Done": false}),
			ok(map[string]any{"Done": true}))
		b.advance(t)
		require.Equal(t, engine.StatusSuccess, b.x.Status)
		require.Len(t, b.caller.calls, 3)
		require.Equal(t, 3, b.caller.calls[2].Input["Round"])
		require.Equal(t, []string{"3"}, step(t, b.x, "Poll").Outputs["CurrentIteration"])
		require.NotContains(t, step(t, b.x, "Poll").Outputs, "CurrentIteratorValue")
	})
	t.Run("EndsOnMaxIterations", func(t *testing.T) {
		t.Parallel()
		b := setup(t, whileDoc(2), "YAML", nil, nil)
		b.caller.on("DescribeThing", ok(map[string]any{"Done": false}))
		b.advance(t)
		require.Equal(t, engine.StatusSuccess, b.x.Status)
		require.Len(t, b.caller.calls, 2)
	})
}

// passDoc loops twice over First and Second, then runs After; inner holds
// extra members of First.
func passDoc(inner ...string) string {
	first := "        - name: First\n          action: aws:executeAwsApi\n          inputs: {Service: ec2, Api: First}\n"
	for _, m := range inner {
		first += "          " + m + "\n"
	}
	return `schemaVersion: '0.3'
mainSteps:
  - name: Twice
    action: aws:loop
    inputs:
      Iterators: [a, b]
      Steps:
` + first + `        - {name: Second, action: aws:executeAwsApi, inputs: {Service: ec2, Api: Second}}
        - {name: Third, action: aws:executeAwsApi, inputs: {Service: ec2, Api: Third}}
  - {name: After, action: aws:executeAwsApi, inputs: {Service: ec2, Api: After}}
`
}

func TestLoop_InnerFlow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		inner  []string
		script map[string][]answer
		apis   []string
		status string
		msg    string
	}{
		{name: "IsEndEndsThePass", inner: []string{"isEnd: true"},
			apis: []string{"First", "First", "After"}, status: engine.StatusSuccess},
		{name: "NextStepInsideTheLoop", inner: []string{"nextStep: Third"},
			apis: []string{"First", "Third", "First", "Third", "After"}, status: engine.StatusSuccess},
		{name: "ContinueGoesOn", inner: []string{"onFailure: Continue"},
			script: map[string][]answer{"First": {fails("Boom")}},
			apis:   []string{"First", "Second", "Third", "First", "Second", "Third", "After"}, status: engine.StatusSuccess},
		{name: "JumpToSibling", inner: []string{"onFailure: step:Third", "isCritical: false"},
			script: map[string][]answer{"First": {fails("Boom")}},
			apis:   []string{"First", "Third", "First", "Third", "After"}, status: engine.StatusSuccess},
		{name: "AbortIsInherited", script: map[string][]answer{"Second": {ok(nil), fails("Boom")}},
			apis: []string{"First", "Second", "Third", "First", "Second"}, status: engine.StatusFailed,
			msg: "Step Second (aws:executeAwsApi) failed: An error occurred (Boom)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, passDoc(tt.inner...), "YAML", nil, nil)
			for api, as := range tt.script {
				b.caller.on(api, as...)
			}
			require.Equal(t, engine.Done, b.advance(t).Kind)
			require.Equal(t, tt.apis, b.caller.apis())
			require.Equal(t, tt.status, b.x.Status)
			require.Contains(t, b.x.FailureMessage, tt.msg)
			loop := step(t, b.x, "Twice")
			require.Equal(t, tt.status, loop.Status, "the loop step ends as the execution does")
			require.Empty(t, b.x.Loops)
		})
	}
}

func TestLoop_BadInputsUseTheLoopsOnFailure(t *testing.T) {
	t.Parallel()
	content := `schemaVersion: '0.3'
mainSteps:
  - name: L
    action: aws:loop
    onFailure: Continue
    inputs:
      Iterators: [x]
      IteratorDataType: Integer
      Steps:
        - {name: In, action: aws:executeAwsApi, inputs: {Service: ec2, Api: In}}
  - {name: After, action: aws:executeAwsApi, inputs: {Service: ec2, Api: After}}
`
	b := setup(t, content, "YAML", nil, nil)
	b.advance(t)
	require.Equal(t, []string{"L:Failed", "After:Success"}, trace(b.x))
	require.Contains(t, step(t, b.x, "L").FailureMessage, `Iterators[0] "x" is not a Integer`)
	require.Equal(t, engine.StatusSuccess, b.x.Status)
}

// sleepLoopDoc sleeps a minute in each of two passes, after a call that
// may be retried once.
const sleepLoopDoc = `schemaVersion: '0.3'
mainSteps:
  - name: L
    action: aws:loop
    inputs:
      Iterators: ['5', '7']
      IteratorDataType: Integer
      Steps:
        - {name: Call, action: aws:executeAwsApi, maxAttempts: 2, inputs: {Service: ec2, Api: Call, N: '{{ L.CurrentIteratorValue }}'}}
        - {name: Nap, action: aws:sleep, inputs: {Duration: PT1M}}
`

// roundTrip encodes and decodes an execution as a host would.
func roundTrip(t *testing.T, raw []byte) *engine.Execution {
	t.Helper()
	var x engine.Execution
	require.NoError(t, json.Unmarshal(raw, &x))
	return &x
}

func TestLoop_Recover(t *testing.T) {
	t.Parallel()
	t.Run("WaitingInsideTheLoop", func(t *testing.T) {
		t.Parallel()
		b := setup(t, sleepLoopDoc, "YAML", nil, nil)
		require.Equal(t, engine.WaitUntil, b.advance(t).Kind)
		b.x = roundTrip(t, b.saved[len(b.saved)-1])
		changed, err := b.eng.Recover(b.x, b.doc)
		require.NoError(t, err)
		require.False(t, changed, "a sleeping step keeps sleeping")
		b.clk.Advance(60e9)
		require.Equal(t, engine.WaitUntil, b.advance(t).Kind)
		require.Equal(t, 7, b.caller.calls[1].Input["N"], "the iterator keeps its Integer type")
		b.x = roundTrip(t, b.saved[len(b.saved)-1])
		b.clk.Advance(60e9)
		require.Equal(t, engine.Done, b.advance(t).Kind)
		require.Equal(t, engine.StatusSuccess, b.x.Status)
		require.Equal(t, []string{"L:Success", "Call:Success", "Nap:Success", "Call:Success", "Nap:Success"},
			trace(b.x))
	})
	t.Run("InFlightInsideTheLoop", func(t *testing.T) {
		t.Parallel()
		b := setup(t, sleepLoopDoc, "YAML", nil, nil)
		b.advance(t)
		b.clk.Advance(60e9)
		b.advance(t)
		// The snapshot taken when the second pass's Call started: the
		// process died while it ran.
		var snap *engine.Execution
		for _, raw := range b.saved {
			x := roundTrip(t, raw)
			if len(x.StepExecutions) == 0 {
				continue
			}
			if last := x.StepExecutions[len(x.StepExecutions)-1]; last.StepName == "Call" &&
				last.Status == engine.StatusInProgress && last.ParentStepDetails.Iteration == 2 {
				snap = x
				break
			}
		}
		require.NotNil(t, snap)
		b.x = snap
		changed, err := b.eng.Recover(b.x, b.doc)
		require.NoError(t, err)
		require.True(t, changed)
		cur := b.x.StepExecutions[len(b.x.StepExecutions)-1]
		require.Equal(t, 2, cur.Attempt, "the interrupted call is retried")
		b.advance(t)
		b.clk.Advance(60e9)
		require.Equal(t, engine.Done, b.advance(t).Kind)
		require.Equal(t, engine.StatusSuccess, b.x.Status)
		require.Equal(t, []string{"7"}, step(t, b.x, "L").Outputs["CurrentIteratorValue"])
	})
}

func TestLoop_Cancel(t *testing.T) {
	t.Parallel()
	b := setup(t, sleepLoopDoc, "YAML", nil, nil)
	b.advance(t)
	require.NoError(t, b.eng.Cancel(b.x, b.doc))
	require.Equal(t, engine.StatusCancelled, b.x.Status)
	require.Equal(t, engine.StatusCancelled, step(t, b.x, "L").Status)
	require.Equal(t, engine.StatusCancelled, step(t, b.x, "Nap").Status)
	require.Empty(t, b.x.Loops)
}

func TestLoop_Nested(t *testing.T) {
	t.Parallel()
	content := `schemaVersion: '0.3'
mainSteps:
  - name: Outer
    action: aws:loop
    inputs:
      Iterators: [a, b]
      Steps:
        - name: Inner
          action: aws:loop
          inputs:
            Iterators: ['1', '2']
            Steps:
              - {name: Call, action: aws:executeAwsApi, inputs: {Service: ec2, Api: Call, Pair: '{{ Outer.CurrentIteratorValue }}{{ Inner.CurrentIteratorValue }}'}}
        - {name: Between, action: aws:executeAwsApi, inputs: {Service: ec2, Api: Between}}
`
	b := setup(t, content, "YAML", nil, nil)
	b.advance(t)
	require.Equal(t, engine.StatusSuccess, b.x.Status, b.x.FailureMessage)
	var pairs []any
	for _, c := range b.caller.calls {
		if c.API == "Call" {
			pairs = append(pairs, c.Input["Pair"])
		}
	}
	require.Equal(t, []any{"a1", "a2", "b1", "b2"}, pairs)
	require.Equal(t, []string{"Call", "Call", "Between", "Call", "Call", "Between"}, b.caller.apis())
	inner := b.x.StepExecutions[1]
	require.Equal(t, "Inner", inner.StepName)
	require.Equal(t, "Outer", inner.ParentStepDetails.StepName)
	require.Equal(t, "Inner", b.x.StepExecutions[2].ParentStepDetails.StepName)
}
