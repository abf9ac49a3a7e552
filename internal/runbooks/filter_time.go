package runbooks

import (
	"strconv"
	"time"
)

// filterTime reads the single time value of a StartTimeBefore/After
// filter: RFC 3339 ("2024-05-01T12:00:00Z") or epoch seconds.
func filterTime(f Filter) (time.Time, error) {
	if len(f.Values) != 1 {
		return time.Time{}, badFilterValue(f.Key, strconv.Itoa(len(f.Values))+" values",
			"exactly one timestamp")
	}
	v := f.Values[0]
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		return time.Unix(0, int64(n*float64(time.Second))).UTC(), nil
	}
	return time.Time{}, badFilterValue(f.Key, v, "an RFC 3339 timestamp such as 2024-05-01T12:00:00Z or epoch seconds")
}
