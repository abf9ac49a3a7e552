package managed

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
)

// ParseParams validates a rule's InputParameters JSON against the rule and
// applies defaults. The error is an *awserr.Error
// InvalidParameterValueException worded as AWS words it: unknown names,
// blank or non-string values and missing required parameters are refused;
// an int parameter must hold an integer.
func ParseParams(r *Rule, inputParameters string) (Params, error) {
	raw, err := decodeParams(inputParameters)
	if err != nil {
		return nil, err
	}
	out := Params{}
	for name, v := range raw {
		p, ok := r.Param(name)
		if !ok {
			return nil, invalidParam("Unknown parameters provided in the inputParameters: %s", inputParameters)
		}
		s, ok := v.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, invalidParam("Blank spaces are not acceptable for input parameter: %s.", name)
		}
		if err := checkType(p, s); err != nil {
			return nil, err
		}
		out[name] = strings.TrimSpace(s)
	}
	return out, applyDefaults(r, out)
}

func decodeParams(in string) (map[string]any, error) {
	if strings.TrimSpace(in) == "" {
		return nil, nil
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(in), &raw); err != nil || raw == nil {
		return nil, invalidParam("Invalid json passed in the InputParameters field: it must be a JSON object of strings such as {\"tag1Key\":\"CostCenter\"}.")
	}
	return raw, nil
}

func checkType(p Param, value string) error {
	if p.Type != TypeInt {
		return nil
	}
	if _, err := strconv.Atoi(strings.TrimSpace(value)); err != nil {
		return invalidParam("The value '%s' of input parameter %s is not a valid int.", value, p.Name)
	}
	return nil
}

func applyDefaults(r *Rule, out Params) error {
	for _, p := range r.Params {
		if _, ok := out[p.Name]; ok {
			continue
		}
		if p.Required {
			return invalidParam("The required parameter %s is not present in the inputParameters, please refer to Config rules documentation for the required parameters.", p.Name)
		}
		if p.Default != "" {
			out[p.Name] = p.Default
		}
	}
	return nil
}

func invalidParam(format string, args ...any) error {
	return awserr.New(awserr.InvalidParameterValueException, format, args...)
}

// String returns the parameter's value, "" when absent.
func (p Params) String(name string) string { return p[name] }

// Int returns the parameter's integer value; ok is false when it is absent
// or not an integer.
func (p Params) Int(name string) (n int, ok bool) {
	n, err := strconv.Atoi(p[name])
	return n, err == nil
}

// Bool reports whether the parameter is "true". AWS documents the values
// as case-sensitive: anything but lowercase "true" is false.
func (p Params) Bool(name string) bool { return p[name] == "true" }

// CSV splits a comma-separated parameter into its trimmed, non-empty values.
func (p Params) CSV(name string) []string {
	var out []string
	for _, v := range strings.Split(p[name], ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
