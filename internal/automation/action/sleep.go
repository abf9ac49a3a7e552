package action

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
)

// MaxSleep is the longest delay of aws:sleep.
const MaxSleep = 604799 * time.Second

// Sleep is aws:sleep: it waits for Duration (ISO 8601, e.g. PT10M) or
// until Timestamp (ISO 8601, e.g. 2020-01-01T01:00:00Z; a past instant
// proceeds at once). Delays longer than MaxSleep fail the step.
type Sleep struct{}

// Name implements engine.Action.
func (Sleep) Name() string { return "aws:sleep" }

// wakeKey is where the step state keeps the end of the sleep.
const wakeKey = "WakeAt"

// Run implements engine.Action.
func (Sleep) Run(_ context.Context, s *engine.StepRun) (engine.Result, error) {
	wake, err := wakeTime(s)
	if err != nil {
		return engine.Result{}, err
	}
	if !s.Now.Before(wake) {
		return engine.Result{}, nil
	}
	return engine.Result{Wait: &engine.Wait{Until: wake}}, nil
}

// wakeTime is when the sleep ends: kept in the step state once computed.
func wakeTime(s *engine.StepRun) (time.Time, error) {
	if v, ok := s.State.State[wakeKey].(string); ok {
		return time.Parse(time.RFC3339Nano, v)
	}
	wake, err := sleepEnd(s.Inputs, s.Now)
	if err != nil {
		return time.Time{}, err
	}
	if s.State.State == nil {
		s.State.State = engine.Values{}
	}
	s.State.State[wakeKey] = wake.UTC().Format(time.RFC3339Nano)
	return wake, nil
}

// sleepEnd computes the end of the sleep from Duration or Timestamp.
func sleepEnd(in map[string]any, now time.Time) (time.Time, error) {
	if ts, ok := in["Timestamp"]; ok {
		s, _ := ts.(string)
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
		if err != nil {
			return time.Time{}, badInput("Timestamp %s is not an ISO 8601 instant such as 2020-01-01T01:00:00Z.", describe(ts))
		}
		if t.Sub(now) > MaxSleep {
			return time.Time{}, badInput("Timestamp %s is more than 604799 seconds away; aws:sleep waits at most that long.", s)
		}
		return t, nil
	}
	s, _ := in["Duration"].(string)
	d, err := ParseDuration(s)
	if err != nil {
		return time.Time{}, badInput("Duration %s: %v", describe(in["Duration"]), err)
	}
	if d > MaxSleep {
		return time.Time{}, badInput("Duration %s is longer than 604799 seconds, the longest aws:sleep.", s)
	}
	return now.Add(d), nil
}

// isoDuration matches ISO 8601 durations in weeks, days, hours, minutes
// and seconds (years and months have no fixed length and are refused).
var isoDuration = regexp.MustCompile(`^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$`)

// ParseDuration parses an ISO 8601 duration such as PT10M, PT1H30M,
// P1DT2H or PT0.5S.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	m := isoDuration.FindStringSubmatch(s)
	if m == nil || s == "P" || strings.HasSuffix(s, "T") {
		return 0, badInput("not an ISO 8601 duration such as PT10M, PT30S or P1DT2H")
	}
	units := []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute}
	var d time.Duration
	for i, u := range units {
		if m[i+1] != "" {
			n, _ := strconv.Atoi(m[i+1])
			d += time.Duration(n) * u
		}
	}
	if m[5] != "" {
		secs, _ := strconv.ParseFloat(m[5], 64)
		d += time.Duration(secs * float64(time.Second))
	}
	return d, nil
}
