package selector

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// PythonString returns what Python's str() prints for v as boto3 would have
// decoded it: True, False and None for booleans and null, strings as they
// are, integers in decimal, floats as Python's repr (1.5, 2.0, 1e+16), lists
// and maps as Python's repr with map keys sorted. aws:assertAwsResourceProperty
// and aws:waitForAwsResourceProperty compare this text with DesiredValues.
//
// A float64 with an integral value prints as an integer: decoded JSON does not
// tell 5 from 5.0, and AWS response numbers are overwhelmingly integers (ports,
// counts, timeouts). A json.Number keeps the distinction.
func PythonString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v)
}

// MatchesDesired reports whether a selection satisfies DesiredValues: every
// selected value's PythonString must be one of desired. A definite selection
// of a list is compared element by element like an indefinite one (e.g.
// $.DBInstances..DBInstanceStatus). An empty selection or an empty list never
// matches, so a property that is missing fails the assertion.
func MatchesDesired(values []any, definite bool, desired []string) bool {
	elems := values
	if definite && len(values) == 1 {
		if list, ok := values[0].([]any); ok {
			elems = list
		}
	}
	if len(elems) == 0 {
		return false
	}
	for _, e := range elems {
		if !slices.Contains(desired, PythonString(e)) {
			return false
		}
	}
	return true
}

// pyRepr is Python's repr() of a decoded JSON value.
func pyRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case string:
		return pyQuote(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return pyDict(x)
	}
	if s, ok := pyNumber(v); ok {
		return s
	}
	return fmt.Sprint(v)
}

// pyDict is the repr of a dict, keys sorted.
func pyDict(m map[string]any) string {
	keys := sortedKeys(m)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = pyQuote(k) + ": " + pyRepr(m[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// pyNumber prints a number as Python would: int or float.
func pyNumber(v any) (string, bool) {
	if n, ok := v.(json.Number); ok {
		// Python ints have arbitrary precision.
		if !strings.ContainsAny(n.String(), ".eE") {
			return n.String(), true
		}
		f, err := n.Float64()
		return pyFloat(f), err == nil
	}
	f, ok := toFloat(v)
	if !ok {
		return "", false
	}
	if f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	return pyFloat(f), true
}

// pyFloat is Python's float repr: the shortest round-trip digits, positional
// for exponents -4..15, else scientific with at least two exponent digits.
func pyFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sci := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(sci[strings.IndexByte(sci, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return sci
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// pyQuote is Python's repr of a str: single quotes unless the text holds a
// single quote and no double quote.
func pyQuote(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
