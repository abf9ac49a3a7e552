package action_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/action"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/salvetest"
)

// account is the account scripts run as.
const account = "111122223333"

// scriptRunner returns a Runner whose boto3 reaches endpoint, skipping the
// test when python3 is missing.
func scriptRunner(t *testing.T, endpoint string) *script.Runner {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed")
	}
	r, err := script.New(script.Params{Endpoint: endpoint})
	require.NoError(t, err)
	return r
}

// needBoto3 skips the test when python3 has no boto3.
func needBoto3(t *testing.T) {
	t.Helper()
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("boto3 is not installed for python3")
	}
}

// startScript sets up an execution of a document, in format, whose
// scripts run on r.
func startScript(t *testing.T, content, format string, r *script.Runner, params map[string][]string) *run {
	t.Helper()
	doc, err := automation.Parse([]byte(content), format)
	require.NoError(t, err)
	bound, err := expr.BindParameters(doc, params)
	require.NoError(t, err)
	reg := engine.NewRegistry()
	action.Register(reg, action.WithScriptRunner(r))
	x := &run{clk: clock.NewFake(t0), doc: doc}
	x.eng = engine.New(engine.Params{Clock: x.clk, Registry: reg})
	x.x = engine.NewExecution(doc, engine.NewExecutionParams{ID: "x-1", Parameters: bound,
		AccountID: account, Region: "eu-west-1"})
	return x
}

// only returns the single step execution of r.
func only(t *testing.T, r *run) *engine.StepExecution {
	t.Helper()
	require.Len(t, r.x.StepExecutions, 1)
	return r.x.StepExecutions[0]
}

func TestExecuteScript_Payload(t *testing.T) {
	t.Parallel()
	doc := `schemaVersion: '0.3'
mainSteps:
  - name: S
    action: aws:executeScript
    inputs:
      Runtime: python3.11
      Handler: handler
      InputPayload: {count: 3, enabled: true, names: [a, b]}
      Script: |-
        def handler(events, context):
            print("hello from the script")
            return {"count": events["count"] + 1, "enabled": not events["enabled"],
                    "names": events["names"] + ["c"], "types": [type(events[k]).__name__ for k in ("count", "enabled", "names")]}
    outputs:
      - {Name: Count, Selector: $.Payload.count, Type: Integer}
      - {Name: Enabled, Selector: $.Payload.enabled, Type: Boolean}
      - {Name: Names, Selector: $.Payload.names, Type: StringList}
      - {Name: Types, Selector: $.Payload.types, Type: StringList}
      - {Name: All, Selector: $.Payload, Type: StringMap}
`
	r := startScript(t, doc, "YAML", scriptRunner(t, "http://127.0.0.1:1"), nil)
	require.Equal(t, engine.Done, r.advance(t).Kind)
	require.Equal(t, engine.StatusSuccess, r.x.Status, r.x.FailureMessage)
	se := only(t, r)
	require.Equal(t, 4, se.TypedOutputs["Count"])
	require.Equal(t, false, se.TypedOutputs["Enabled"])
	require.Equal(t, []any{"a", "b", "c"}, se.TypedOutputs["Names"])
	require.Equal(t, []any{"int", "bool", "list"}, se.TypedOutputs["Types"])
	require.Contains(t, se.TypedOutputs["All"], "count")
	require.Equal(t, "hello from the script\n", se.TypedOutputs["ExecutionLog"])
	var resp map[string]any
	require.NoError(t, json.Unmarshal([]byte(se.TypedOutputs["OutputPayload"].(string)), &resp))
	require.Equal(t, float64(4), resp["Payload"].(map[string]any)["count"])
}

func TestExecuteScript_InputPayloadString(t *testing.T) {
	t.Parallel()
	doc := `schemaVersion: '0.3'
parameters:
  Settings: {type: String}
mainSteps:
  - name: S
    action: aws:executeScript
    inputs:
      Runtime: python3.8
      Handler: h
      InputPayload: '{{ Settings }}'
      Script: "def h(e, c):\n    return e['n'] * 2\n"
    outputs:
      - {Name: N, Selector: $.Payload, Type: Integer}
`
	r := startScript(t, doc, "YAML", scriptRunner(t, "http://127.0.0.1:1"),
		map[string][]string{"Settings": {`{"n": 21}`}})
	r.advance(t)
	require.Equal(t, engine.StatusSuccess, r.x.Status, r.x.FailureMessage)
	require.Equal(t, 42, only(t, r).TypedOutputs["N"])
}

func TestExecuteScript_Failures(t *testing.T) {
	t.Parallel()
	r := scriptRunner(t, "http://127.0.0.1:1")
	for name, tc := range map[string]struct {
		inputs, stage string
		messages      []string
	}{
		"Exception": {
			inputs: `{Runtime: python3.11, Handler: h, Script: "def h(e, c):\n    print('log line')\n    raise Exception('Unable to find trail t1.')\n"}`,
			stage:  engine.StageInvocation,
			messages: []string{"Step fails when it is Poll action status for completion. Traceback (most recent call last):",
				"Exception: Unable to find trail t1.", "Please refer to Automation Service Troubleshooting Guide"},
		},
		"Timeout": {
			inputs:   `{Runtime: python3.11, Handler: h, Script: "import time\ndef h(e, c):\n    time.sleep(60)\n"}`,
			stage:    engine.StageInvocation,
			messages: []string{"The script did not finish within 1s and was stopped."},
		},
		"PowerShell": {
			inputs:   `{Runtime: PowerShell 7.4, Script: "Write-Host 'hi'"}`,
			stage:    engine.StageInputValidation,
			messages: []string{"Runtime PowerShell 7.4 is not supported by Salve"},
		},
		"Attachment": {
			inputs:   `{Runtime: python3.11, Handler: script.handler, Attachment: code.zip}`,
			stage:    engine.StageInputValidation,
			messages: []string{"Attachment code.zip cannot be run: Salve does not store document attachments"},
		},
		"MissingHandler": {
			inputs:   `{Runtime: python3.11, Script: "x = 1"}`,
			stage:    engine.StageInputValidation,
			messages: []string{"Input Handler is required: name the Python function to call."},
		},
		"BadInputPayload": {
			inputs:   `{Runtime: python3.11, Handler: h, Script: "x = 1", InputPayload: "[1, 2]"}`,
			stage:    engine.StageInputValidation,
			messages: []string{"Input InputPayload must be a map or a JSON object"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc := "schemaVersion: '0.3'\nmainSteps:\n  - name: S\n    action: aws:executeScript\n    timeoutSeconds: 1\n    inputs: " +
				tc.inputs + "\n"
			x := startScript(t, doc, "YAML", r, nil)
			x.advance(t)
			require.Equal(t, engine.StatusFailed, x.x.Status)
			se := only(t, x)
			require.Equal(t, engine.StatusFailed, se.Status)
			require.Equal(t, tc.stage, se.FailureDetails.FailureStage)
			for _, m := range tc.messages {
				require.Contains(t, se.FailureMessage, m)
			}
		})
	}
}

func TestExecuteScript_ExceptionKeepsLog(t *testing.T) {
	t.Parallel()
	doc := "schemaVersion: '0.3'\nmainSteps:\n  - name: S\n    action: aws:executeScript\n    inputs: " +
		`{Runtime: python3.11, Handler: h, Script: "def h(e, c):\n    print('checked 3 buckets')\n    raise KeyError('Name')\n"}` + "\n"
	r := startScript(t, doc, "YAML", scriptRunner(t, "http://127.0.0.1:1"), nil)
	r.advance(t)
	se := only(t, r)
	require.Contains(t, se.FailureMessage, "KeyError: 'Name'")
	require.Equal(t, "checked 3 buckets\n", se.TypedOutputs["ExecutionLog"])
}

func TestExecuteScript_NoRunner(t *testing.T) {
	t.Parallel()
	doc := "schemaVersion: '0.3'\nmainSteps:\n  - name: S\n    action: aws:executeScript\n    inputs: {Runtime: python3.11, Handler: h, Script: x}\n"
	r := start(t, doc, nil)
	r.advance(t)
	require.Contains(t, only(t, r).FailureMessage, "started without a Python script runner")
}

// TestExecuteScript_Boto3ReachesSalve proves a boto3 script written for
// AWS runs unchanged: its client reaches Salve as the execution's account.
func TestExecuteScript_Boto3ReachesSalve(t *testing.T) {
	t.Parallel()
	needBoto3(t)
	env := salvetest.Setup(t)
	doc := `schemaVersion: '0.3'
mainSteps:
  - name: WhoAmI
    action: aws:executeScript
    inputs:
      Runtime: python3.11
      Handler: handler
      Script: |-
        import boto3
        def handler(events, context):
            identity = boto3.client("sts").get_caller_identity()
            return {"Account": identity["Account"], "Region": boto3.session.Session().region_name}
    outputs:
      - {Name: Account, Selector: $.Payload.Account, Type: String}
      - {Name: Region, Selector: $.Payload.Region, Type: String}
`
	r := startScript(t, doc, "YAML", scriptRunner(t, env.URL), nil)
	r.advance(t)
	require.Equal(t, engine.StatusSuccess, r.x.Status, r.x.FailureMessage)
	se := only(t, r)
	require.Equal(t, account, se.TypedOutputs["Account"])
	require.Equal(t, "eu-west-1", se.TypedOutputs["Region"])
}

// TestExecuteScript_AWSRunbook runs the script of an Amazon runbook through
// the engine. Salve serves no CloudTrail API, so the step fails with
// botocore's error for GetTrail: the script ran, its boto3 reached Salve.
func TestExecuteScript_AWSRunbook(t *testing.T) {
	t.Parallel()
	needBoto3(t)
	content, err := os.ReadFile(filepath.Join("../../../../shared/runbooks", "AWS-EnableCloudTrailLogFileValidation.json"))
	if os.IsNotExist(err) {
		t.Skip("the shared runbook corpus is not available")
	}
	require.NoError(t, err)
	env := salvetest.Setup(t)
	r := startScript(t, string(content), "JSON", scriptRunner(t, env.URL),
		map[string][]string{"TrailNames": {"management-events"}})
	require.Equal(t, engine.Done, r.advance(t).Kind)
	require.Equal(t, engine.StatusFailed, r.x.Status)
	se := only(t, r)
	require.Equal(t, "EnableLogFileValidation", se.StepName)
	require.Equal(t, map[string]any{"trailNames": []any{"management-events"}}, se.Inputs["InputPayload"])
	require.Contains(t, se.FailureMessage, "Step fails when it is Poll action status for completion. Traceback")
	require.Contains(t, se.FailureMessage, "in enable_log_file_validation_handler")
	require.Contains(t, se.FailureMessage, "when calling the GetTrail operation")
}
