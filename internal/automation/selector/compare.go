package selector

import (
	"encoding/json"
	"math"
)

// equalOrBothMissing is RFC 9535 equality: two missing values are equal, a
// missing value equals nothing else.
func equalOrBothMissing(a any, aok bool, b any, bok bool) bool {
	if !aok || !bok {
		return !aok && !bok
	}
	return jsonEqual(a, b)
}

// jsonEqual compares JSON values: numbers by value whatever their Go type,
// lists element by element, maps member by member.
func jsonEqual(a, b any) bool {
	if x, ok := toFloat(a); ok {
		y, ok := toFloat(b)
		return ok && x == y
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	case []any:
		y, ok := b.([]any)
		return ok && listsEqual(x, y)
	case map[string]any:
		y, ok := b.(map[string]any)
		return ok && mapsEqual(x, y)
	}
	return false
}

// listsEqual compares two lists element by element.
func listsEqual(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !jsonEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// mapsEqual compares two maps member by member.
func mapsEqual(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || !jsonEqual(v, w) {
			return false
		}
	}
	return true
}

// less orders two numbers or two strings; any other pair is unordered.
func less(a, b any) bool {
	if x, ok := toFloat(a); ok {
		y, ok := toFloat(b)
		return ok && x < y
	}
	x, ok := a.(string)
	y, ok2 := b.(string)
	return ok && ok2 && x < y
}

// toFloat reads any Go number a JSON decoder or caller may produce.
func toFloat(v any) (float64, bool) {
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
		return f, err == nil && !math.IsInf(f, 0)
	}
	return 0, false
}
