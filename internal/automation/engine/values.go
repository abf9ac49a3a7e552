package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Values is a map of runbook values (parameters, variables, typed outputs,
// action state). Decoding it from JSON keeps integral numbers as int, the
// type runbook Integer values have, instead of float64.
type Values map[string]any

// UnmarshalJSON decodes v, turning integral numbers into int.
func (v *Values) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return fmt.Errorf("decode values: %w", err)
	}
	if m == nil {
		*v = nil
		return nil
	}
	*v = Values(numbers(m).(map[string]any))
	return nil
}

// numbers replaces the json.Numbers inside v by int or float64.
func numbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i, e := range x {
			x[i] = numbers(e)
		}
	case map[string]any:
		for k, e := range x {
			x[k] = numbers(e)
		}
	}
	return v
}

// List is a list of runbook values; like Values, decoding it from JSON
// keeps integral numbers as int.
type List []any

// UnmarshalJSON decodes l, turning integral numbers into int.
func (l *List) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var list []any
	if err := dec.Decode(&list); err != nil {
		return fmt.Errorf("decode list: %w", err)
	}
	if list == nil {
		*l = nil
		return nil
	}
	*l = List(numbers(list).([]any))
	return nil
}
