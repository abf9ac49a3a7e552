package expr

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/awserr"
)

// BindParameters turns the Parameters of a StartAutomationExecution call
// (every value a list of strings) into the document's typed parameters:
// String and the AWS:: types take exactly one value; StringList the list;
// Integer one integral value; Boolean one "true"/"false" (any case);
// StringMap one JSON object; MapList one JSON array of objects or one JSON
// object per value. An empty list counts as not given for every type but
// StringList and MapList (where it is the empty list). A parameter not
// given takes its default (copied). The result holds every declared
// parameter.
//
// Failures are InvalidAutomationExecutionParametersException naming the
// parameter and the rule: an undeclared parameter, a missing required one,
// a value of the wrong shape, allowedValues, allowedPattern (per element
// for lists; patterns Go cannot compile are skipped), minItems/maxItems,
// minChars/maxChars (per element for StringList). Defaults are not
// re-checked; a default that is a Parameter Store reference ({{ ssm:… }})
// is refused when the parameter is not given, since Salve has no Parameter
// Store yet.
func BindParameters(doc *automation.Document, in map[string][]string) (map[string]any, error) {
	if err := checkDeclared(doc, in); err != nil {
		return nil, err
	}
	out := make(map[string]any, len(doc.Parameters))
	for i := range doc.Parameters {
		p := &doc.Parameters[i]
		v, err := bind(p, in[p.Name])
		if err != nil {
			return nil, err
		}
		out[p.Name] = v
	}
	return out, nil
}

// checkDeclared rejects parameters the document does not declare, naming
// the first in sorted order.
func checkDeclared(doc *automation.Document, in map[string][]string) error {
	for _, name := range slices.Sorted(maps.Keys(in)) {
		if !slices.ContainsFunc(doc.Parameters, func(p automation.Parameter) bool { return p.Name == name }) {
			return invalidParams("Parameter %q is not defined in the document; defined parameters: %s.",
				name, strings.Join(names(doc), ", "))
		}
	}
	return nil
}

// names lists the declared parameter names.
func names(doc *automation.Document) []string {
	out := make([]string, len(doc.Parameters))
	for i, p := range doc.Parameters {
		out[i] = p.Name
	}
	if len(out) == 0 {
		return []string{"(none)"}
	}
	return out
}

// bind converts and checks one parameter's values, or applies its default.
func bind(p *automation.Parameter, raw []string) (any, error) {
	if len(raw) == 0 && !isList(p.Type) {
		raw = nil
	}
	if raw == nil {
		return defaultOf(p)
	}
	v, err := convert(p, raw)
	if err != nil {
		return nil, err
	}
	return v, check(p, v)
}

// isList reports the list types.
func isList(typ string) bool {
	return typ == automation.TypeStringList || typ == automation.TypeMapList
}

// defaultOf returns a copy of p's default, or fails for a required
// parameter.
func defaultOf(p *automation.Parameter) (any, error) {
	if !p.HasDefault {
		return nil, invalidParams("Missing required parameter: %s in user inputs.", p.Name)
	}
	if s, ok := p.Default.(string); ok {
		if r, ok := automation.WholeRef(s); ok && r.Kind == automation.RefSSM {
			return nil, invalidParams("Parameter %q defaults to the Parameter Store reference %s, which Salve does not "+
				"support yet; pass a value for %s.", p.Name, s, p.Name)
		}
	}
	return clone(p.Default), nil
}

// convert turns the values given for p into its declared type.
func convert(p *automation.Parameter, raw []string) (any, error) {
	switch p.Type {
	case automation.TypeStringList:
		return strings2list(raw), nil
	case automation.TypeMapList:
		return mapList(p, raw)
	}
	if len(raw) != 1 {
		return nil, invalidParams("Parameter %q of type %s takes exactly one value, not %d.", p.Name, p.Type, len(raw))
	}
	return scalar(p, raw[0])
}

// scalar converts the single value of a String, Integer, Boolean or
// StringMap parameter.
func scalar(p *automation.Parameter, s string) (any, error) {
	switch p.Type {
	case automation.TypeInteger:
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return nil, invalidParams("Parameter %q has value %q which is not an Integer.", p.Name, s)
		}
		return n, nil
	case automation.TypeBoolean:
		b, err := boolean(s)
		if err != nil {
			return nil, invalidParams("Parameter %q has value %q which is not a Boolean (true or false).", p.Name, s)
		}
		return b, nil
	case automation.TypeStringMap:
		m, ok := jsonValue(s).(map[string]any)
		if !ok {
			return nil, invalidParams("Parameter %q has value %q which is not a JSON object (StringMap).", p.Name, s)
		}
		return m, nil
	}
	return s, nil
}

// mapList converts MapList values: one JSON array of objects, or one JSON
// object per value.
func mapList(p *automation.Parameter, raw []string) (any, error) {
	if len(raw) == 1 && strings.HasPrefix(strings.TrimSpace(raw[0]), "[") {
		list, ok := jsonValue(raw[0]).([]any)
		if ok && allMaps(list) {
			return list, nil
		}
		return nil, invalidParams("Parameter %q has value %q which is not a JSON list of objects (MapList).", p.Name, raw[0])
	}
	out := make([]any, len(raw))
	for i, s := range raw {
		m, ok := jsonValue(s).(map[string]any)
		if !ok {
			return nil, invalidParams("Parameter %q has value %q which is not a JSON object (MapList element).", p.Name, s)
		}
		out[i] = m
	}
	return out, nil
}

// allMaps reports whether every element of list is an object.
func allMaps(list []any) bool {
	for _, e := range list {
		if _, ok := e.(map[string]any); !ok {
			return false
		}
	}
	return true
}

// jsonValue decodes one JSON value, integers as int; nil when s is not
// exactly one JSON value.
func jsonValue(s string) any {
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil
	}
	return automation.IntegralNumbers(v)
}

// strings2list copies a string slice into a []any.
func strings2list(raw []string) []any {
	out := make([]any, len(raw))
	for i, s := range raw {
		out[i] = s
	}
	return out
}

// clone deep-copies a decoded value so callers may change it.
func clone(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = clone(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = clone(e)
		}
		return out
	}
	return v
}

// invalidParams returns an InvalidAutomationExecutionParametersException.
func invalidParams(format string, args ...any) error {
	return awserr.New(awserr.InvalidAutomationExecutionParameters, format, args...)
}
