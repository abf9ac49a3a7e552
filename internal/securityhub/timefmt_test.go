package securityhub_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sh "github.com/salvehq/salve/internal/securityhub"
)

func TestParseTime(t *testing.T) {
	t.Parallel()
	utc := time.Date(2019, 1, 31, 23, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"2019-01-31T23:00:00Z":                utc,
		"2019-01-31T23:00:00.123456789Z":      utc.Add(123456789),
		"2024-01-04T15:25:10+17:59":           time.Date(2024, 1, 4, 15, 25, 10, 0, time.FixedZone("", 17*3600+59*60)),
		"2024-01-04T15:25:10-1759":            time.Date(2024, 1, 4, 15, 25, 10, 0, time.FixedZone("", -(17*3600+59*60))),
		"2024-01-04T15:25:10.5+02":            time.Date(2024, 1, 4, 15, 25, 10, 5e8, time.FixedZone("", 2*3600)),
		"2024-01-04T15:25:10.123456789+17:59": time.Date(2024, 1, 4, 15, 25, 10, 123456789, time.FixedZone("", 17*3600+59*60)),
	} {
		got, ok := sh.ParseTime(in)
		require.True(t, ok, in)
		require.True(t, want.Equal(got), "%s: got %s", in, got)
	}
	for _, bad := range []string{"", "2019-01-31", "2019-01-31 23:00:00Z", "2019-01-31T23:00:00", "2019-01-31T23:00:00.1234567890Z",
		"2019-01-31T23:00:00+19:00", "2019-13-31T23:00:00Z", "yesterday"} {
		_, ok := sh.ParseTime(bad)
		require.False(t, ok, bad)
	}
	require.Equal(t, "2019-01-31T23:00:00.000Z", sh.FormatTime(utc))
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2019-01-31T23:00:00Z", "2024-01-04T15:25:10-1759", "2024-01-04T15:25:10.5+02", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := sh.ParseTime(s)
		if !ok {
			return
		}
		again, ok := sh.ParseTime(sh.FormatTime(got))
		require.True(t, ok, "a formatted time parses")
		require.True(t, got.Truncate(time.Millisecond).Equal(again), s)
	})
}

func TestCodes_HaveStatuses(t *testing.T) {
	t.Parallel()
	for _, c := range sh.Codes() {
		s := sh.Status(c)
		require.GreaterOrEqual(t, s, 400, c)
		require.Less(t, s, 600, c)
		e := sh.Errf(c, "x")
		require.Equal(t, s, e.HTTPStatus(), c)
	}
	require.Equal(t, 409, sh.Status(sh.CodeResourceConflict))
	require.Equal(t, 401, sh.Status(sh.CodeInvalidAccess))
}

func TestSeverityMapping(t *testing.T) {
	t.Parallel()
	for n, label := range map[int]string{0: "INFORMATIONAL", 1: "LOW", 39: "LOW", 40: "MEDIUM", 69: "MEDIUM", 70: "HIGH", 89: "HIGH", 90: "CRITICAL", 100: "CRITICAL"} {
		require.Equal(t, label, sh.SeverityLabelOf(n), n)
	}
	for label, n := range map[string]int{"INFORMATIONAL": 0, "LOW": 1, "MEDIUM": 40, "HIGH": 70, "CRITICAL": 90} {
		require.Equal(t, n, sh.NormalizedOf(label), label)
		require.Equal(t, label, sh.SeverityLabelOf(n))
	}
}
