package awsproto

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Timestamp is a wire timestamp: a JSON number of epoch seconds with up to
// millisecond precision, as every AWS JSON client expects (the Go SDK rejects
// strings). On input it also accepts the ISO 8601 strings some hand-written
// clients send.
type Timestamp struct{ time.Time }

// NewTimestamp wraps t; a zero t gives nil so the member is omitted.
func NewTimestamp(t time.Time) *Timestamp {
	if t.IsZero() {
		return nil
	}
	return &Timestamp{t}
}

// MarshalJSON writes epoch seconds.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	ms := t.UnixMilli()
	if ms%1000 == 0 {
		return strconv.AppendInt(nil, ms/1000, 10), nil
	}
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', 3, 64), nil
}

// UnmarshalJSON reads epoch seconds (integer or fraction) or an ISO string.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		s, err := strconv.Unquote(string(b))
		if err != nil {
			return fmt.Errorf("timestamp %s is not a string", b)
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02"} {
			if v, err := time.Parse(layout, s); err == nil {
				t.Time = v
				return nil
			}
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return t.setEpoch(f)
		}
		return fmt.Errorf("timestamp %q is neither epoch seconds nor ISO 8601", s)
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return fmt.Errorf("timestamp %s is not a number", b)
	}
	return t.setEpoch(f)
}

func (t *Timestamp) setEpoch(f float64) error {
	if math.IsNaN(f) || math.IsInf(f, 0) || f < -62135596800 || f > 253402300799 {
		return fmt.Errorf("timestamp %v is out of range", f)
	}
	sec, frac := math.Modf(f)
	t.Time = time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC()
	return nil
}

// Value returns the time, or the zero time for a nil timestamp.
func (t *Timestamp) Value() time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.Time
}
