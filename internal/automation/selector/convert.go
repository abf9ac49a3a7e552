package selector

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The output Types of runbook step outputs (runbook reference section 4.5).
const (
	typeString     = "String"
	typeInteger    = "Integer"
	typeBoolean    = "Boolean"
	typeStringList = "StringList"
	typeStringMap  = "StringMap"
	typeMapList    = "MapList"
)

// Convert turns a selection (the result of Select, and the selector's
// Definite) into an output of outputType ("" means String). The results are
// string, int, bool, []any of strings, map[string]any and []any of maps, the
// shapes runbook parameter values have.
//
// The conversions are the ones the Automation user guide lists: a number or
// boolean becomes its text as String (integers without ".0"; booleans as
// "true"/"false", JSON's spelling, since the guide does not say); a string
// becomes an Integer or Boolean when it spells one; a string, number or
// boolean becomes a one-element StringList; a one-element list (a JSON list
// or an indefinite selection) unwraps to String, Integer, Boolean or
// StringMap. An indefinite selection of a single list (e.g. $..Instances)
// is that list for StringList and MapList. Anything else is an error naming
// what was selected and the Type; the caller adds the output name.
//
// An empty selection or a JSON null gives ErrNoValue: the output stays unset.
func Convert(values []any, definite bool, outputType string) (any, error) {
	if len(values) == 0 {
		return nil, ErrNoValue
	}
	var v any = values
	if definite {
		v = values[0]
	} else if inner, ok := values[0].([]any); ok && len(values) == 1 && isListType(outputType) {
		v = inner
	}
	if v == nil {
		return nil, ErrNoValue
	}
	switch outputType {
	case "", typeString:
		return toString(unwrapOne(v))
	case typeInteger:
		return toInteger(unwrapOne(v))
	case typeBoolean:
		return toBoolean(unwrapOne(v))
	case typeStringMap:
		return toStringMap(unwrapOne(v))
	case typeStringList:
		return toStringList(v)
	case typeMapList:
		return toMapList(v)
	}
	return nil, fmt.Errorf("unknown output Type %q: expected String, Integer, Boolean, StringList, StringMap or MapList", outputType)
}

// isListType reports whether typ is a list Type.
func isListType(typ string) bool { return typ == typeStringList || typ == typeMapList }

// unwrapOne returns the element of a one-element list, else v.
func unwrapOne(v any) any {
	if list, ok := v.([]any); ok && len(list) == 1 {
		return list[0]
	}
	return v
}

// toString converts a string, number or boolean to String.
func toString(v any) (any, error) {
	if s, ok := scalarText(v); ok {
		return s, nil
	}
	return nil, mismatch(v, typeString)
}

// scalarText is the text of a string, number or boolean.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	}
	return numberText(v)
}

// numberText formats a number the way JSON writes it: integers without a
// fraction or exponent.
func numberText(v any) (string, bool) {
	if n, ok := v.(json.Number); ok {
		if _, err := n.Int64(); err == nil {
			return n.String(), true
		}
	}
	f, ok := toFloat(v)
	switch {
	case !ok:
		return "", false
	case f == math.Trunc(f) && math.Abs(f) < 1e21:
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	b, err := json.Marshal(f)
	return string(b), err == nil
}

// toInteger converts an integral number, or a string spelling one.
func toInteger(v any) (any, error) {
	if s, ok := v.(string); ok {
		if n, err := strconv.Atoi(s); err == nil {
			return n, nil
		}
		return nil, fmt.Errorf("cannot convert the string %q to Integer", s)
	}
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return int(i), nil
		}
	}
	f, ok := toFloat(v)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return nil, mismatch(v, typeInteger)
	}
	return int(f), nil
}

// toBoolean converts a boolean, or the string "true" or "false" in any case.
func toBoolean(v any) (any, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case string:
		switch {
		case strings.EqualFold(x, "true"):
			return true, nil
		case strings.EqualFold(x, "false"):
			return false, nil
		}
		return nil, fmt.Errorf("cannot convert the string %q to Boolean: expected true or false", x)
	}
	return nil, mismatch(v, typeBoolean)
}

// toStringMap accepts a map.
func toStringMap(v any) (any, error) {
	if m, ok := v.(map[string]any); ok {
		return m, nil
	}
	return nil, mismatch(v, typeStringMap)
}

// toStringList converts a list of scalars, or one scalar, to strings.
func toStringList(v any) (any, error) {
	list, ok := v.([]any)
	if !ok {
		if s, ok := scalarText(v); ok {
			return []any{s}, nil
		}
		return nil, mismatch(v, typeStringList)
	}
	out := make([]any, len(list))
	for i, e := range list {
		s, ok := scalarText(e)
		if !ok {
			return nil, fmt.Errorf("cannot convert element %d (%s) to StringList: expected strings, numbers or booleans", i, kindOf(e))
		}
		out[i] = s
	}
	return out, nil
}

// toMapList accepts a list of maps.
func toMapList(v any) (any, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, mismatch(v, typeMapList)
	}
	for i, e := range list {
		if _, ok := e.(map[string]any); !ok {
			return nil, fmt.Errorf("cannot convert element %d (%s) to MapList: expected maps", i, kindOf(e))
		}
	}
	return list, nil
}

// mismatch is the error for a value that typ cannot hold.
func mismatch(v any, typ string) error {
	return fmt.Errorf("cannot convert %s to %s", kindOf(v), typ)
}

// kindOf names the JSON kind of v for error messages.
func kindOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case map[string]any:
		return "a map"
	case []any:
		return fmt.Sprintf("a list of %d values", len(x))
	}
	if _, ok := toFloat(v); ok {
		return "a number"
	}
	return fmt.Sprintf("a %T", v)
}
