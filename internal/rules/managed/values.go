package managed

import (
	"encoding/json"
	"strconv"

	"github.com/salvehq/salve/internal/configitem"
)

// Helpers for reading the JSON values of configuration items and API
// responses: objects are map[string]any, lists []any, numbers float64 or
// int, absent values nil.

// obj returns v as an object, nil if it is not one.
func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// list returns v as a list, nil if it is not one.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// str returns v as a string, "" if it is not one.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// boolean reports whether v is true or "true".
func boolean(v any) bool {
	switch b := v.(type) {
	case bool:
		return b
	case string:
		return b == "true"
	}
	return false
}

// number returns v as a number whichever way JSON decoding or a producer
// represented it.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case float32:
		return float64(n), true
	case int:
		return float64(n), true
	case int32:
		return float64(n), true
	case int64:
		return float64(n), true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(n, 64)
		return f, err == nil
	}
	return 0, false
}

// text renders a scalar (string, bool, number) as a string; other values
// give "".
func text(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case bool:
		return strconv.FormatBool(s)
	}
	if n, ok := number(v); ok {
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	return ""
}

// path walks nested objects: path(m, "a", "b") is m["a"]["b"].
func path(m map[string]any, keys ...string) any {
	var v any = m
	for _, k := range keys {
		v = obj(v)[k]
	}
	return v
}

// configuration returns the item's configuration (never nil).
func configuration(item *configitem.Item) map[string]any {
	if item.Configuration == nil {
		return map[string]any{}
	}
	return item.Configuration
}

// supplementary returns one key of the item's supplementaryConfiguration.
func supplementary(item *configitem.Item, key string) any {
	return item.SupplementaryConfiguration[key]
}

// stringsOf returns the string members of a list value.
func stringsOf(v any) []string {
	var out []string
	for _, e := range list(v) {
		if s := text(e); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// joinList renders values for annotations: "a, b and c".
func joinList(values []string) string {
	switch len(values) {
	case 0:
		return ""
	case 1:
		return values[0]
	}
	out := ""
	for i, v := range values {
		switch {
		case i == 0:
			out = v
		case i == len(values)-1:
			out += " and " + v
		default:
			out += ", " + v
		}
	}
	return out
}
