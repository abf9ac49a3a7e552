package automation_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/awserr"
)

// runbook wraps steps (and optional extra top-level YAML) into a document.
func runbook(extra, steps string) string {
	return "schemaVersion: '0.3'\n" + extra + "mainSteps:\n" + steps
}

// pauseStep is a minimal valid step.
const pauseStep = "  - name: Wait\n    action: aws:pause\n    inputs: {}\n"

func TestParse_Valid(t *testing.T) {
	t.Parallel()
	content := runbook(`description: Demo
assumeRole: '{{ AutomationAssumeRole }}'
parameters:
  Bucket:
    type: AWS::S3::Bucket::Name
    description: the bucket
  Ids:
    type: StringList
    default: [a, b]
    allowedValues: [a, b, c]
    minItems: 1
    maxItems: 3
  Count:
    type: Integer
    default: 5
  Flag:
    type: Boolean
    default: true
  Map:
    type: StringMap
    default: {k: v}
  Rows:
    type: MapList
    default: [{a: 1}]
  Name:
    type: String
    default: '{{ ssm:/my/param }}'
    allowedPattern: ^(?!-)[a-z-]+$
    maxChars: 20
  AutomationAssumeRole:
    type: AWS::IAM::Role::Arn
    default: ''
variables:
  Token:
    type: String
    default: ''
outputs:
  - Describe.State
files:
  tool.zip:
    checksums:
      sha256: abc
`, `  - name: Describe
    action: aws:executeAwsApi
    maxAttempts: 3
    timeoutSeconds: 60
    onFailure: step:Fallback
    inputs:
      Service: ec2
      Api: DescribeInstances
    outputs:
      - Name: State
        Selector: $.Reservations[0].Instances[0].State.Name
        Type: String
  - name: Decide
    action: aws:branch
    inputs:
      Choices:
        - NextStep: Fallback
          And:
            - Variable: '{{ Describe.State }}'
              StringEquals: running
            - Not:
                Variable: '{{ Flag }}'
                BooleanEquals: false
      Default: Done
  - name: Fallback
    action: aws:sleep
    onFailure: Continue
    inputs:
      Duration: PT1S
  - name: Done
    action: aws:pause
    isEnd: true
    isCritical: false
    onCancel: step:Fallback
    inputs: {}
`)
	doc, err := automation.Parse([]byte(content), "YAML")
	require.NoError(t, err)
	require.Equal(t, "0.3", doc.SchemaVersion)
	require.Equal(t, "Demo", doc.Description)
	require.Equal(t, "{{ AutomationAssumeRole }}", doc.AssumeRole)
	require.Equal(t, []string{"Describe.State"}, doc.Outputs)
	require.Contains(t, doc.Files, "tool.zip")
	require.Len(t, doc.Variables, 1)

	names := []string{}
	for _, p := range doc.Parameters {
		names = append(names, p.Name)
	}
	require.Equal(t, []string{"Bucket", "Ids", "Count", "Flag", "Map", "Rows", "Name", "AutomationAssumeRole"}, names, "content order")
	p := doc.Parameters
	require.False(t, p[0].HasDefault)
	require.Equal(t, []any{"a", "b"}, p[1].Default)
	require.Equal(t, 1, *p[1].MinItems)
	require.Equal(t, 5, p[2].Default)
	require.Equal(t, true, p[3].Default)
	require.Equal(t, map[string]any{"k": "v"}, p[4].Default)
	require.True(t, p[6].PatternUnchecked, "look-ahead cannot be compiled by Go")
	require.Nil(t, p[6].Pattern)
	require.Equal(t, "^(?!-)[a-z-]+$", p[6].AllowedPattern)
	require.Equal(t, 20, *p[6].MaxChars)

	s := doc.MainSteps
	require.Equal(t, 3, s[0].MaxAttempts)
	require.Equal(t, 60, s[0].TimeoutSeconds)
	require.Equal(t, "step:Fallback", s[0].OnFailure)
	require.True(t, s[0].IsCritical)
	require.Equal(t, "ec2", s[0].Inputs["Service"])
	require.Equal(t, automation.Output{Name: "State", Selector: "$.Reservations[0].Instances[0].State.Name", Type: "String"}, s[0].Outputs[0])
	require.Equal(t, "Done", s[1].Branch.Default)
	require.Equal(t, "Fallback", s[1].Branch.Choices[0].NextStep)
	require.Len(t, s[1].Branch.Choices[0].Condition.And, 2)
	require.Equal(t, "StringEquals", s[1].Branch.Choices[0].Condition.And[0].Operator)
	require.Equal(t, false, s[1].Branch.Choices[0].Condition.And[1].Not.Value)
	require.False(t, s[2].IsCritical, "onFailure Continue makes a step non-critical")
	require.Equal(t, 1, s[2].MaxAttempts)
	require.Equal(t, "Abort", s[3].OnFailure)
	require.False(t, s[3].IsCritical)
	require.True(t, s[3].IsEnd)
	target, ok := automation.JumpTarget(s[3].OnCancel)
	require.True(t, ok)
	require.Equal(t, "Fallback", target)
}

func TestParse_JSONAndCompiledPattern(t *testing.T) {
	t.Parallel()
	doc, err := automation.Parse([]byte(`{"schemaVersion":"0.3","parameters":{"Id":{"type":"String","allowedPattern":"^i-[a-f0-9]+$"}},
		"mainSteps":[{"name":"Wait","action":"aws:pause","inputs":{}}]}`), "")
	require.NoError(t, err, "format defaults to JSON")
	require.NotNil(t, doc.Parameters[0].Pattern)
	require.False(t, doc.Parameters[0].PatternUnchecked)
	require.True(t, doc.Parameters[0].Pattern.MatchString("i-0abc"))
}

func TestParse_Loop(t *testing.T) {
	t.Parallel()
	doc, err := automation.Parse([]byte(runbook("", `  - name: Repeat
    action: aws:loop
    inputs:
      MaxIterations: 3
      LoopCondition:
        Variable: '{{ Inner.Done }}'
        BooleanEquals: false
      Steps:
        - name: Inner
          action: aws:executeScript
          nextStep: Update
          inputs: {Runtime: python3.11, Handler: h, Script: 'def h(e, c): return {}'}
        - name: Update
          action: aws:updateVariable
          inputs: {Name: 'variable:X', Value: '1'}
`)), "YAML")
	require.NoError(t, err)
	require.Len(t, doc.MainSteps[0].Loop.Steps, 2)
	require.Equal(t, "BooleanEquals", doc.MainSteps[0].Loop.Condition.Operator)
}

func TestParse_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, content, want string
		code                string
	}{
		{"Empty", "", "content is empty", ""},
		{"YAMLSyntax", "schemaVersion: '0.3'\nmainSteps: [\n", "YAML syntax error", ""},
		{"NotObject", "- a\n- b\n", "document must be an object, not a list", ""},
		{"UnknownTopLevel", runbook("colour: blue\n", pauseStep), "colour is not a valid property", ""},
		{"NoSchemaVersion", "mainSteps:\n" + pauseStep, "schemaVersion is required", ""},
		{"WrongSchemaVersion", "schemaVersion: '2.2'\nmainSteps:\n" + pauseStep, `schemaVersion "2.2" is not supported`, awserr.InvalidDocumentSchemaVersion},
		{"NoMainSteps", "schemaVersion: '0.3'\n", "mainSteps is required", ""},
		{"EmptyMainSteps", "schemaVersion: '0.3'\nmainSteps: []\n", "mainSteps must hold at least one step", ""},
		{"ParameterNoType", runbook("parameters:\n  P:\n    description: x\n", pauseStep), "parameters.P has no type", ""},
		{"ParameterBadType", runbook("parameters:\n  P:\n    type: Float\n", pauseStep), `parameters.P.type "Float" is not a valid type`, ""},
		{"ParameterUnknownKey", runbook("parameters:\n  P:\n    type: String\n    required: true\n", pauseStep), "parameters.P.required is not a valid property", ""},
		{"DefaultNotString", runbook("parameters:\n  P:\n    type: String\n    default: 5\n", pauseStep), "parameters.P.default must be a string for type String, not a number", ""},
		{"DefaultNotInteger", runbook("parameters:\n  P:\n    type: Integer\n    default: '5'\n", pauseStep), "must be an integer for type Integer", ""},
		{"DefaultNotFloat", runbook("parameters:\n  P:\n    type: Integer\n    default: 5.5\n", pauseStep), "must be an integer", ""},
		{"DefaultNotBoolean", runbook("parameters:\n  P:\n    type: Boolean\n    default: 'true'\n", pauseStep), "must be a boolean", ""},
		{"DefaultNotStringList", runbook("parameters:\n  P:\n    type: StringList\n    default: [1]\n", pauseStep), "must be a list of strings", ""},
		{"DefaultNotMapList", runbook("parameters:\n  P:\n    type: MapList\n    default: [a]\n", pauseStep), "must be a list of objects", ""},
		{"DefaultNotStringMap", runbook("parameters:\n  P:\n    type: StringMap\n    default: [a]\n", pauseStep), "must be an object", ""},
		{"DefaultNotAllowed", runbook("parameters:\n  P:\n    type: String\n    default: c\n    allowedValues: [a, b]\n", pauseStep), "parameters.P.default is not one of the parameter's allowedValues", ""},
		{"MinOverMax", runbook("parameters:\n  P:\n    type: String\n    minChars: 5\n    maxChars: 2\n", pauseStep), "minChars 5 greater than maxChars 2", ""},
		{"NegativeBound", runbook("parameters:\n  P:\n    type: StringList\n    minItems: -1\n", pauseStep), "parameters.P.minItems must be at least 0", ""},
		{"DisplayType", runbook("parameters:\n  P:\n    type: String\n    displayType: slider\n", pauseStep), "must be textfield or textarea", ""},
		{"StepNoName", runbook("", "  - action: aws:pause\n    inputs: {}\n"), "mainSteps[0] has no name", ""},
		{"StepBadName", runbook("", "  - name: my-step\n    action: aws:pause\n    inputs: {}\n"), `mainSteps[0].name "my-step" must match [a-zA-Z0-9_]+`, ""},
		{"StepNoInputs", runbook("", "  - name: A\n    action: aws:pause\n"), "mainSteps[0] has no inputs", ""},
		{"StepUnknownKey", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    retry: 3\n"), "mainSteps[0].retry is not a valid property", ""},
		{"UnknownAction", runbook("", "  - name: A\n    action: aws:teleport\n    inputs: {}\n"), `mainSteps[0].action "aws:teleport" of step "A" is not a supported action`, ""},
		{"DuplicateName", runbook("", pauseStep+pauseStep), `mainSteps[1].name "Wait" is used by more than one step`, ""},
		{"BadOnFailure", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    onFailure: Retry\n"), `mainSteps[0].onFailure "Retry" must be Abort, Continue or step:<StepName>`, ""},
		{"ContinueOnCancel", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    onCancel: Continue\n"), "mainSteps[0].onCancel", ""},
		{"MissingOnFailureStep", runbook("", pauseStep+"  - name: B\n    action: aws:pause\n    inputs: {}\n    onFailure: step:X\n"), `mainSteps[1].onFailure refers to step "X" which does not exist`, ""},
		{"MissingOnCancelStep", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    onCancel: step:Nope\n"), `mainSteps[0].onCancel refers to step "Nope"`, ""},
		{"MissingNextStep", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    nextStep: Z\n"), `mainSteps[0].nextStep refers to step "Z"`, ""},
		{"BadMaxAttempts", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    maxAttempts: 0\n"), "mainSteps[0].maxAttempts must be at least 1", ""},
		{"BadIsEnd", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    isEnd: 'yes'\n"), "mainSteps[0].isEnd must be a boolean", ""},
		{"MissingApiInput", runbook("", "  - name: A\n    action: aws:executeAwsApi\n    inputs: {Service: s3}\n"), "mainSteps[0].inputs has no Api", ""},
		{"InputsNotObject", runbook("", "  - name: A\n    action: aws:pause\n    inputs: []\n"), "mainSteps[0].inputs must be an object", ""},
		{"SleepWithoutDuration", runbook("", "  - name: A\n    action: aws:sleep\n    inputs: {}\n"), "neither Duration nor Timestamp", ""},
		{"BranchNoChoices", runbook("", "  - name: A\n    action: aws:branch\n    inputs: {Choices: []}\n"), "inputs.Choices must hold at least one choice", ""},
		{"BranchBadTarget", runbook("", "  - name: A\n    action: aws:branch\n    inputs:\n      Choices:\n        - NextStep: Q\n          Variable: x\n          StringEquals: y\n"),
			`mainSteps[0].inputs.Choices[0].NextStep refers to step "Q" which does not exist`, ""},
		{"BranchBadDefault", runbook("", "  - name: A\n    action: aws:branch\n    inputs:\n      Choices:\n        - NextStep: A\n          Variable: x\n          StringEquals: y\n      Default: Q\n"),
			`mainSteps[0].inputs.Default refers to step "Q"`, ""},
		{"BranchNoNextStep", runbook("", "  - name: A\n    action: aws:branch\n    inputs:\n      Choices:\n        - Variable: x\n          StringEquals: y\n"), "Choices[0] has no NextStep", ""},
		{"BranchBadOperator", runbook("", "  - name: A\n    action: aws:branch\n    inputs:\n      Choices:\n        - NextStep: A\n          Variable: x\n          Matches: y\n"), "Choices[0].Matches is not a valid condition member", ""},
		{"BranchTwoOperators", runbook("", "  - name: A\n    action: aws:branch\n    inputs:\n      Choices:\n        - NextStep: A\n          Variable: x\n          StringEquals: y\n          Contains: z\n"), "has two operators", ""},
		{"BranchNoVariable", runbook("", "  - name: A\n    action: aws:branch\n    inputs:\n      Choices:\n        - NextStep: A\n          StringEquals: y\n"), "must have a Variable and one operator", ""},
		{"BranchUnknownInput", runbook("", "  - name: A\n    action: aws:branch\n    inputs:\n      Choices:\n        - NextStep: A\n          Variable: x\n          StringEquals: y\n      Otherwise: A\n"), "inputs.Otherwise is not a valid aws:branch input", ""},
		{"OutputBadType", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    outputs:\n      - {Name: O, Selector: $, Type: Float}\n"), `mainSteps[0].outputs[0].Type "Float" is not a valid output type`, ""},
		{"OutputNoSelector", runbook("", "  - name: A\n    action: aws:pause\n    inputs: {}\n    outputs:\n      - {Name: O}\n"), "mainSteps[0].outputs[0] has no Selector", ""},
		{"DocumentOutputBadStep", runbook("outputs: [Ghost.Value]\n", pauseStep), `outputs[0] refers to step "Ghost" which does not exist`, ""},
		{"DocumentOutputForm", runbook("outputs: [Wait]\n", pauseStep), "must have the form StepName.OutputName", ""},
		{"LoopInnerRef", runbook("", "  - name: L\n    action: aws:loop\n    inputs:\n      Steps:\n        - name: I\n          action: aws:pause\n          inputs: {}\n          nextStep: Nope\n"),
			`mainSteps[0].inputs.Steps[0].nextStep refers to step "Nope"`, ""},
		{"DuplicateKey", "schemaVersion: '0.3'\nschemaVersion: '0.3'\nmainSteps:\n" + pauseStep, `document has the key "schemaVersion" more than once`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := automation.Parse([]byte(tt.content), "YAML")
			require.Error(t, err)
			code := tt.code
			if code == "" {
				code = awserr.InvalidDocumentContent
			}
			e, ok := awserr.As(err)
			require.True(t, ok, "not an AWS error: %v", err)
			require.Equal(t, code, e.Code, e.Message)
			require.Contains(t, e.Message, tt.want)
		})
	}
}

func TestParse_JSONErrorsNameTheLine(t *testing.T) {
	t.Parallel()
	_, err := automation.Parse([]byte("{\n  \"schemaVersion\": \"0.3\",\n  \"mainSteps\": [,]\n}"), "JSON")
	e, ok := awserr.As(err)
	require.True(t, ok)
	require.Equal(t, awserr.InvalidDocumentContent, e.Code)
	require.Contains(t, e.Message, "line 3")
	_, err = automation.Parse([]byte(`{"schemaVersion":"0.3","mainSteps":[]} trailing`), "JSON")
	require.ErrorContains(t, err, "after the top-level value")
	_, err = automation.Parse([]byte(runbook("", pauseStep)), "TEXT")
	require.ErrorContains(t, err, "JSON or YAML")
}

func TestParse_AcceptsEveryAction(t *testing.T) {
	t.Parallel()
	for _, a := range automation.Actions() {
		require.True(t, strings.HasPrefix(a, "aws:"), a)
	}
	require.Len(t, automation.Actions(), 23)
}
