package runbooks

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLimit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		value   string
		targets int
		want    int
	}{
		{"10", 5, 10},
		{"0", 5, 0},
		{"40%", 5, 2},
		{"20%", 5, 1},
		{"10%", 50, 5},
		{"40%", 10, 4},
		{"1%", 5, 0},
		{"100%", 7, 7},
	} {
		require.Equal(t, tc.want, limit(tc.value, tc.targets), "%s of %d", tc.value, tc.targets)
	}
	r := &RateControl{MaxConcurrency: "1%", Runs: make([]TargetRun, 5)}
	require.Equal(t, 1, r.concurrency(), "at least one child runs")
}
