package securityhub

import (
	"regexp"
	"time"
)

// timeLayout is how Salve writes ASFF timestamps (as AWS Config's findings
// show them: milliseconds, UTC, Z).
const timeLayout = "2006-01-02T15:04:05.000Z"

// FormatTime writes t as an ASFF timestamp.
func FormatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// asffTime is the shape Security Hub accepts for timestamps: date, T, time,
// up to nine fractional digits, and Z or an offset of ±HH, ±HH:MM or ±HHMM.
var asffTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)$`)

// ParseTime reads an ASFF timestamp; ok is false for any other shape, an
// offset beyond ±18:00, or an instant outside the years 1–9999 in UTC
// (which FormatTime could not write back).
func ParseTime(s string) (time.Time, bool) {
	if !asffTime.MatchString(s) {
		return time.Time{}, false
	}
	norm := normalizeOffset(s)
	t, err := time.Parse(time.RFC3339Nano, norm)
	if err != nil {
		return time.Time{}, false
	}
	if _, off := t.Zone(); off > 18*3600 || off < -18*3600 {
		return time.Time{}, false
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return time.Time{}, false
	}
	return t, true
}

// normalizeOffset rewrites a ±HH or ±HHMM offset as ±HH:MM for RFC 3339.
func normalizeOffset(s string) string {
	if s[len(s)-1] == 'Z' {
		return s
	}
	i := len(s) - 1
	for s[i] != '+' && s[i] != '-' {
		i--
	}
	off := s[i+1:]
	switch len(off) {
	case 2:
		off += ":00"
	case 4:
		off = off[:2] + ":" + off[2:]
	}
	return s[:i+1] + off
}
