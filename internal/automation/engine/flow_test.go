package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
)

func TestEngine_Advance_ControlFlow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		doc     string
		script  map[string][]answer
		trace   []string
		status  string
		message string
	}{
		{
			name:   "ArrayOrder",
			doc:    doc(api("A", "A1"), api("B", "B1")),
			trace:  []string{"A:Success", "B:Success"},
			status: engine.StatusSuccess,
		},
		{
			name:   "NextStepSkips",
			doc:    doc(api("A", "A1", "nextStep: C"), api("B", "B1"), api("C", "C1")),
			trace:  []string{"A:Success", "C:Success"},
			status: engine.StatusSuccess,
		},
		{
			name:   "IsEndStops",
			doc:    doc(api("A", "A1", "isEnd: true"), api("B", "B1")),
			trace:  []string{"A:Success"},
			status: engine.StatusSuccess,
		},
		{
			name:    "AbortFails",
			doc:     doc(api("A", "A1"), api("B", "B1")),
			script:  map[string][]answer{"A1": {fails("InvalidGroup.NotFound")}},
			trace:   []string{"A:Failed"},
			status:  engine.StatusFailed,
			message: "Step A (aws:executeAwsApi) failed: An error occurred (InvalidGroup.NotFound) when calling the A1 operation",
		},
		{
			name:   "ContinueIsNotCritical",
			doc:    doc(api("A", "A1", "onFailure: Continue"), api("B", "B1")),
			script: map[string][]answer{"A1": {fails("Boom")}},
			trace:  []string{"A:Failed", "B:Success"},
			status: engine.StatusSuccess,
		},
		{
			name:   "ContinueFollowsNextStep",
			doc:    doc(api("A", "A1", "onFailure: Continue", "nextStep: C"), api("B", "B1"), api("C", "C1")),
			script: map[string][]answer{"A1": {fails("Boom")}},
			trace:  []string{"A:Failed", "C:Success"},
			status: engine.StatusSuccess,
		},
		{
			name:    "CriticalContinueFailsAtTheEnd",
			doc:     doc(api("A", "A1", "onFailure: Continue", "isCritical: true"), api("B", "B1")),
			script:  map[string][]answer{"A1": {fails("Boom")}},
			trace:   []string{"A:Failed", "B:Success"},
			status:  engine.StatusFailed,
			message: "Step A (aws:executeAwsApi) failed",
		},
		{
			name:   "JumpWinsOverIsEnd",
			doc:    doc(api("A", "A1", "isEnd: true", "onFailure: step:C", "isCritical: false"), api("B", "B1"), api("C", "C1")),
			script: map[string][]answer{"A1": {fails("Boom")}},
			trace:  []string{"A:Failed", "C:Success"},
			status: engine.StatusSuccess,
		},
		{
			name:   "JumpOfCriticalStepStillFails",
			doc:    doc(api("A", "A1", "onFailure: step:C"), api("B", "B1"), api("C", "C1")),
			script: map[string][]answer{"A1": {fails("Boom")}},
			trace:  []string{"A:Failed", "C:Success"},
			status: engine.StatusFailed,
		},
		{
			name:   "RetriesUntilSuccess",
			doc:    doc(api("A", "A1", "maxAttempts: 3")),
			script: map[string][]answer{"A1": {fails("Throttling"), fails("Throttling"), ok(nil)}},
			trace:  []string{"A:Success"},
			status: engine.StatusSuccess,
		},
		{
			name:   "RetriesExhausted",
			doc:    doc(api("A", "A1", "maxAttempts: 2")),
			script: map[string][]answer{"A1": {fails("Throttling"), fails("Throttling"), ok(nil)}},
			trace:  []string{"A:Failed"},
			status: engine.StatusFailed,
		},
		{
			name:    "UnsupportedAction",
			doc:     doc("  - name: A\n    action: aws:runCommand\n    inputs: {DocumentName: AWS-RunShellScript}\n"),
			trace:   []string{"A:Failed"},
			status:  engine.StatusFailed,
			message: "The action aws:runCommand of step A is not supported by Salve yet.",
		},
		{
			name:    "UnavailableScript",
			doc:     doc("  - name: A\n    action: aws:executeScript\n    inputs: {Runtime: python3.11, Handler: h, Script: x}\n"),
			trace:   []string{"A:Failed"},
			status:  engine.StatusFailed,
			message: "cannot run aws:executeScript",
		},
		{
			name: "OutputConversionFails",
			doc: doc(api("A", "A1", "outputs: [{Name: N, Selector: $.Name, Type: Integer}]"),
				api("B", "B1")),
			script:  map[string][]answer{"A1": {ok(map[string]any{"Name": "not-a-number"})}},
			trace:   []string{"A:Failed"},
			status:  engine.StatusFailed,
			message: "Output N of step A",
		},
		{
			name:   "MissingSelectionLeavesOutputUnset",
			doc:    doc(api("A", "A1", "outputs: [{Name: N, Selector: $.Nope, Type: String}]")),
			trace:  []string{"A:Success"},
			status: engine.StatusSuccess,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t, tt.doc, "YAML", nil, nil)
			for api, as := range tt.script {
				b.caller.on(api, as...)
			}
			out := b.advance(t)
			require.Equal(t, engine.Done, out.Kind)
			require.Equal(t, tt.trace, trace(b.x))
			require.Equal(t, tt.status, b.x.Status)
			require.Contains(t, b.x.FailureMessage, tt.message)
			require.False(t, b.x.ExecutionEndTime.IsZero())
			require.Empty(t, b.x.CurrentStepName)
		})
	}
}

func TestEngine_Advance_RetryCountsAttempts(t *testing.T) {
	t.Parallel()
	b := setup(t, doc(api("A", "A1", "maxAttempts: 3")), "YAML", nil, nil)
	b.caller.on("A1", fails("Throttling"), ok(nil))
	b.advance(t)
	se := step(t, b.x, "A")
	require.Equal(t, engine.StatusSuccess, se.Status)
	require.Equal(t, 2, se.Attempt)
	require.Equal(t, 3, se.MaxAttempts)
	require.Equal(t, []string{"A1", "A1"}, b.caller.apis())
}

func TestEngine_Advance_Branch(t *testing.T) {
	t.Parallel()
	branch := func(def, extra string) string {
		s := "  - name: Check\n    action: aws:branch\n    inputs:\n      Choices:\n" +
			"        - {NextStep: Big, Variable: '{{ Size }}', NumericGreater: 10}\n" +
			"        - {NextStep: Named, Variable: '{{ Name }}', StartsWith: web}\n"
		if def != "" {
			s += "      Default: " + def + "\n"
		}
		return s + extra
	}
	params := "parameters:\n  Size: {type: Integer, default: 1}\n  Name: {type: String, default: db}\n"
	rest := api("Next", "N1") + api("Big", "B1", "isEnd: true") + api("Named", "W1", "isEnd: true") +
		api("Other", "O1", "isEnd: true")
	tests := []struct {
		name   string
		branch string
		params map[string][]string
		trace  []string
	}{
		{"FirstChoice", branch("Other", ""), map[string][]string{"Size": {"20"}},
			[]string{"Check:Success", "Big:Success"}},
		{"SecondChoice", branch("Other", ""), map[string][]string{"Name": {"web-1"}},
			[]string{"Check:Success", "Named:Success"}},
		{"Default", branch("Other", ""), nil, []string{"Check:Success", "Other:Success"}},
		{"FallThroughInArrayOrder", branch("", ""), nil, []string{"Check:Success", "Next:Success", "Big:Success"}},
		{"FallThroughIsEnd", branch("", "    isEnd: true\n"), nil, []string{"Check:Success"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			content := "schemaVersion: '0.3'\n" + params + "mainSteps:\n" + tt.branch + rest
			b := setup(t, content, "YAML", tt.params, nil)
			b.advance(t)
			require.Equal(t, tt.trace, trace(b.x))
			require.Equal(t, engine.StatusSuccess, b.x.Status)
		})
	}
}

func TestEngine_Advance_OutputsFlowIntoInputs(t *testing.T) {
	t.Parallel()
	content := "schemaVersion: '0.3'\nparameters:\n  Port: {type: Integer, default: 22}\noutputs: [A.Id, B.Missing]\nmainSteps:\n" +
		api("A", "DescribeThings", "outputs: [{Name: Id, Selector: '$.Things[0].Id', Type: String}, {Name: Ids, Selector: '$.Things..Id', Type: StringList}]") +
		"  - name: B\n    action: aws:executeAwsApi\n    inputs: {Service: ec2, Api: use_thing, Id: '{{ A.Id }}', Ids: '{{ A.Ids }}', Port: '{{ Port }}', Who: '{{ global:ACCOUNT_ID }}'}\n" +
		"    outputs: [{Name: Missing, Selector: $.Nope}]\n"
	b := setup(t, content, "YAML", nil, nil)
	b.caller.on("DescribeThings", ok(map[string]any{"Things": []any{map[string]any{"Id": "t-1"}, map[string]any{"Id": "t-2"}}}))
	b.advance(t)
	require.Equal(t, engine.StatusSuccess, b.x.Status)
	require.Equal(t, []string{"DescribeThings", "UseThing"}, b.caller.apis())
	in := b.caller.calls[1].Input
	require.Equal(t, map[string]any{"Id": "t-1", "Ids": []any{"t-1", "t-2"}, "Port": 22, "Who": "123456789012"}, in)
	require.Equal(t, "us-east-1", b.caller.calls[1].Region)
	require.Equal(t, []string{"t-1", "t-2"}, step(t, b.x, "A").Outputs["Ids"])
	require.Equal(t, map[string][]string{"A.Id": {"t-1"}, "B.Missing": {engine.NoOutputYet}}, b.x.Outputs)
}

func TestNormalizeAPI(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"PutBucketVersioning":                        "PutBucketVersioning",
		"putBucketVersioning":                        "PutBucketVersioning",
		"describe_iam_instance_profile_associations": "DescribeIamInstanceProfileAssociations",
		" associate_iam_instance_profile ":           "AssociateIamInstanceProfile",
	} {
		require.Equal(t, want, engine.NormalizeAPI(in), in)
	}
}
