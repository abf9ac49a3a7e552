package expr

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/automation"
)

// Resolve returns a copy of v (a step's Inputs, or any value inside them)
// with every reference substituted as the package documentation describes.
// Errors name the input member, e.g.
// "IpPermissions[0].IpRanges[0].CidrIp: {{ Ip }}: parameter "Ip" is not
// declared by the runbook".
func Resolve(v any, l Lookup) (any, error) {
	return resolve(v, l, "")
}

// resolve substitutes the references of v, found at path.
func resolve(v any, l Lookup, path string) (any, error) {
	switch x := v.(type) {
	case string:
		out, _, err := expand(x, l)
		if err != nil && path != "" {
			err = fmt.Errorf("%s: %w", path, err)
		}
		return out, err
	case []any:
		return resolveList(x, l, path)
	case map[string]any:
		return resolveMap(x, l, path)
	}
	return v, nil
}

// resolveMap substitutes the values of m; keys are kept as written.
func resolveMap(m map[string]any, l Lookup, path string) (map[string]any, error) {
	out := make(map[string]any, len(m))
	for k, v := range m {
		var err error
		if out[k], err = resolve(v, l, member(path, k)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// resolveList substitutes the elements of list, flattening elements that
// are whole-value references to lists.
func resolveList(list []any, l Lookup, path string) ([]any, error) {
	out := make([]any, 0, len(list))
	for i, e := range list {
		v, err := resolve(e, l, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		if inner, ok := v.([]any); ok && isWholeRef(e) {
			out = append(out, inner...)
			continue
		}
		out = append(out, v)
	}
	return out, nil
}

// isWholeRef reports a string that is exactly one reference.
func isWholeRef(v any) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	_, ok = automation.WholeRef(s)
	return ok
}

// member joins a map key to a path.
func member(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// expand substitutes the references of one string. missing reports that a
// referenced step output does not exist: a whole-value reference to it
// gives "", an embedded one contributes nothing.
func expand(s string, l Lookup) (v any, missing bool, err error) {
	if !strings.Contains(s, "{{") {
		return s, false, nil
	}
	if r, ok := automation.WholeRef(s); ok {
		v, found, err := l.Value(r)
		if err != nil || !found {
			return "", err == nil, err
		}
		return normalize(v), false, nil
	}
	var b strings.Builder
	for _, seg := range automation.Lex(s) {
		if seg.Ref == nil {
			b.WriteString(seg.Text)
			continue
		}
		v, found, err := l.Value(*seg.Ref)
		if err != nil {
			return nil, false, err
		}
		missing = missing || !found
		if found {
			b.WriteString(Stringify(v))
		}
	}
	return b.String(), missing, nil
}

// normalize turns typed string collections into the []any and
// map[string]any shapes the rest of the interpreter handles.
func normalize(v any) any {
	switch x := v.(type) {
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case map[string]string:
		out := make(map[string]any, len(x))
		for k, s := range x {
			out[k] = s
		}
		return out
	}
	return v
}

// Stringify renders a value embedded in a longer string: strings as is,
// nil as "", booleans "true"/"false", numbers in decimal without exponent,
// lists and maps as compact JSON.
func Stringify(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return compactJSON(v)
}

// compactJSON renders v as compact JSON without HTML escaping.
func compactJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
