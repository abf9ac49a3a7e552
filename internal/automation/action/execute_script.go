package action

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/script"
)

// ExecuteScript is aws:executeScript: it runs the step's Python Script,
// calling Handler(InputPayload, context) with a boto3 that reaches Salve
// (package script). The handler's return value is the response
// {"Payload": value}, so declared outputs select "$.Payload" and
// "$.Payload.key"; the step also reports OutputPayload (that response as
// JSON) and ExecutionLog (what the script printed). An exception fails
// the step with Python's traceback.
type ExecuteScript struct {
	// Runner runs the scripts; with none, every step fails with a reason.
	Runner *script.Runner
}

// Option configures the actions Register adds.
type Option func(*options)

// options are the host dependencies of the actions.
type options struct {
	scripts *script.Runner
}

// WithScriptRunner makes aws:executeScript run scripts with r.
func WithScriptRunner(r *script.Runner) Option {
	return func(o *options) { o.scripts = r }
}

// newExecuteScript returns the aws:executeScript Register adds.
func newExecuteScript(opts []Option) ExecuteScript {
	var o options
	for _, f := range opts {
		f(&o)
	}
	return ExecuteScript{Runner: o.scripts}
}

// Name implements engine.Action.
func (ExecuteScript) Name() string { return "aws:executeScript" }

// Run implements engine.Action.
func (a ExecuteScript) Run(ctx context.Context, s *engine.StepRun) (engine.Result, error) {
	rp, err := scriptInputs(s)
	if err != nil {
		return engine.Result{}, err
	}
	if a.Runner == nil {
		return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"This Salve cannot run aws:executeScript steps: it was started without a Python script runner.")
	}
	res, err := a.Runner.Run(ctx, rp)
	if err != nil {
		return engine.Result{Outputs: logOutput(res.Log)}, scriptFailure(err)
	}
	return scriptResult(res)
}

// scriptInputs reads the step's inputs into a run.
func scriptInputs(s *engine.StepRun) (script.RunParams, error) {
	rp := script.RunParams{Region: s.Execution.Region, AccountID: s.Execution.AccountID,
		Role: s.Execution.AssumeRole, ExecutionID: s.Execution.AutomationExecutionID}
	if s.State != nil && s.State.TimeoutSeconds > 0 {
		rp.Timeout = time.Duration(s.State.TimeoutSeconds) * time.Second
	}
	var err error
	if rp.Runtime, err = stringInput(s.Inputs, "Runtime"); err != nil {
		return rp, err
	}
	if att, _ := s.Inputs["Attachment"].(string); strings.TrimSpace(att) != "" {
		return rp, badInput("Attachment %s cannot be run: Salve does not store document attachments yet; "+
			"put the code in the step's Script input instead.", att)
	}
	// The runner says what is missing or wrong in Handler and Script,
	// after refusing runtimes it cannot run at all.
	rp.Handler, _ = s.Inputs["Handler"].(string)
	rp.Script, _ = s.Inputs["Script"].(string)
	rp.InputPayload, err = payloadInput(s.Inputs["InputPayload"])
	return rp, err
}

// payloadInput reads InputPayload: a map, or a string holding a JSON
// object; nothing is an empty map.
func payloadInput(v any) (map[string]any, error) {
	switch x := v.(type) {
	case nil:
		return map[string]any{}, nil
	case map[string]any:
		return x, nil
	case string:
		if strings.TrimSpace(x) == "" {
			return map[string]any{}, nil
		}
		var m engine.Values
		if err := json.Unmarshal([]byte(x), &m); err != nil || m == nil {
			return nil, badInput("Input InputPayload must be a map or a JSON object, not %s.", describe(v))
		}
		return m, nil
	}
	return nil, badInput("Input InputPayload must be a map or a JSON object, not %s.", describe(v))
}

// scriptResult turns a successful run into the step's result.
func scriptResult(res script.Result) (engine.Result, error) {
	resp := map[string]any{"Payload": res.Payload}
	b, err := json.Marshal(resp)
	if err != nil {
		return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"The script's Payload cannot be stored: %v", err)
	}
	outs := logOutput(res.Log)
	outs["OutputPayload"] = string(b)
	return engine.Result{Response: resp, Outputs: outs}, nil
}

// logOutput is the ExecutionLog output, when the script printed anything.
func logOutput(log string) map[string]any {
	outs := map[string]any{}
	if strings.TrimSpace(log) != "" {
		outs["ExecutionLog"] = log
	}
	return outs
}

// scriptFailure words a failed run as the step's failure: Python
// exceptions as AWS reports them, with the traceback.
func scriptFailure(err error) error {
	var se *script.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Kind {
	case script.KindUnsupported:
		return badInput("%s", se.Message)
	case script.KindException:
		return engine.Fail(engine.StageInvocation, engine.TypeUnknown,
			"Step fails when it is Poll action status for completion. %s\n\n. "+
				"Please refer to Automation Service Troubleshooting Guide for more diagnosis details.", exceptionText(se))
	}
	return engine.Fail(engine.StageInvocation, engine.TypeUnknown, "%s", se.Message)
}

// exceptionText is the traceback, or type and message when there is none.
func exceptionText(se *script.Error) string {
	if se.Traceback != "" {
		return se.Traceback
	}
	return se.Type + ": " + se.Message
}
