package benchkit

import "time"

// MS is d in milliseconds (microsecond precision).
func MS(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Pct is the p-th percentile of the sorted xs (nearest rank); xs must not
// be empty.
func Pct(sorted []float64, p int) float64 {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)]
}
