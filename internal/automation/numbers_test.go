package automation

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestIntegralNumbers(t *testing.T) {
	t.Parallel()
	dec := json.NewDecoder(strings.NewReader(`{"n": 5, "f": 2.5, "l": [1, {"x": 600}], "s": "7"}`))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	require.Equal(t, map[string]any{"n": 5, "f": 2.5, "l": []any{1, map[string]any{"x": 600}}, "s": "7"},
		IntegralNumbers(v))
}
