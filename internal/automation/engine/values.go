package engine

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/salvehq/salve/internal/automation"
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
	*v = Values(automation.IntegralNumbers(m).(map[string]any))
	return nil
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
	*l = List(automation.IntegralNumbers(list).([]any))
	return nil
}
