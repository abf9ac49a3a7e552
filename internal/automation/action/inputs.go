package action

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/automation/selector"
	"github.com/salvehq/salve/internal/awserr"
)

// badInput is an input-validation failure of a step.
func badInput(format string, args ...any) *engine.Failure {
	return engine.Fail(engine.StageInputValidation, engine.TypeVerification, format, args...)
}

// stringInput reads a required string input.
func stringInput(in map[string]any, key string) (string, error) {
	v, ok := in[key]
	if !ok {
		return "", badInput("Input %s is required.", key)
	}
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return "", badInput("Input %s must be a non-empty string, not %s.", key, describe(v))
	}
	return s, nil
}

// intInput reads an optional integer input (a number or a string holding
// one), def when absent.
func intInput(in map[string]any, key string, def int) (int, error) {
	v, ok := in[key]
	if !ok {
		return def, nil
	}
	switch x := v.(type) {
	case int:
		return x, nil
	case float64:
		if x == float64(int(x)) {
			return int(x), nil
		}
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
			return n, nil
		}
	}
	return 0, badInput("Input %s must be an integer, not %s.", key, describe(v))
}

// stringsInput reads a list of strings; a single string is a one-element
// list.
func stringsInput(in map[string]any, key string) ([]string, error) {
	switch x := in[key].(type) {
	case nil:
		return nil, nil
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			out[i] = selector.PythonString(e)
		}
		return out, nil
	}
	return nil, badInput("Input %s must be a list of strings, not %s.", key, describe(in[key]))
}

// describe shows a value in a message.
func describe(v any) string {
	if v == nil {
		return "nothing"
	}
	return strconv.Quote(expr.Stringify(v))
}

// apiCall is the Service, Api and request of the AWS-calling actions.
type apiCall struct {
	service, api string
	input        map[string]any
}

// callInputs splits the inputs of an AWS-calling action: Service, Api,
// and every other key but skip passed as the request.
func callInputs(in map[string]any, skip ...string) (apiCall, error) {
	var c apiCall
	var err error
	if c.service, err = stringInput(in, "Service"); err != nil {
		return c, err
	}
	if c.api, err = stringInput(in, "Api"); err != nil {
		return c, err
	}
	c.input = map[string]any{}
	for k, v := range in {
		if k != "Service" && k != "Api" && !slices.Contains(skip, k) {
			c.input[k] = v
		}
	}
	return c, nil
}

// callFailure describes a failed AWS call the way boto3 does.
func callFailure(c apiCall, err error) *engine.Failure {
	var f *engine.Failure
	if errors.As(err, &f) {
		return f
	}
	return engine.Fail(engine.StageInvocation, engine.TypeUnknown, "%s", callMessage(c, err))
}

// callMessage renders an AWS error like boto3's ClientError: "An error
// occurred (Code) when calling the Api operation: message".
func callMessage(c apiCall, err error) string {
	api := engine.NormalizeAPI(c.api)
	if ae, ok := awserr.As(err); ok {
		return fmt.Sprintf("An error occurred (%s) when calling the %s operation: %s", ae.Code, api, ae.Message)
	}
	return fmt.Sprintf("Calling %s %s failed: %v", c.service, api, err)
}
