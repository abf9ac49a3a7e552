package benchkit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPct(t *testing.T) {
	t.Parallel()
	xs := make([]float64, 1000)
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	for _, tc := range []struct {
		p    int
		want float64
	}{{50, 500}, {90, 900}, {99, 990}, {100, 1000}, {0, 1}} {
		require.Equal(t, tc.want, Pct(xs, tc.p), "p%d", tc.p)
	}
	require.Equal(t, 7.0, Pct([]float64{7}, 99))
}

func TestMS(t *testing.T) {
	t.Parallel()
	require.Equal(t, 1.5, MS(1500*time.Microsecond))
	require.Equal(t, 0.001, MS(1999*time.Nanosecond))
}

func TestKiB(t *testing.T) {
	t.Parallel()
	require.Equal(t, 12345.0, kib("  12345 kB"))
}
