package automation

import "encoding/json"

// IntegralNumbers replaces, in place, the json.Numbers inside a value
// decoded with json.Decoder.UseNumber by int when integral and float64
// otherwise, so that runbook values keep the Integer type a step or a
// parameter gave them (plain decoding would turn 5 into 5.0).
func IntegralNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i, e := range x {
			x[i] = IntegralNumbers(e)
		}
	case map[string]any:
		for k, e := range x {
			x[k] = IntegralNumbers(e)
		}
	}
	return v
}
