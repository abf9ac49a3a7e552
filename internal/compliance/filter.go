package compliance

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awserr"
)

// accessor reads one filterable field of a T: a text field or, when time
// is set, a time field.
type accessor[T any] struct {
	text func(T) string
	time func(T) time.Time
}

// fieldSet maps the filter keys an operation supports to their fields.
type fieldSet[T any] map[string]accessor[T]

// predicate reports whether a value passes the filters.
type predicate[T any] func(T) bool

// compileFilters turns filters into one predicate (all filters must match)
// or an InvalidFilter error naming what is wrong.
func compileFilters[T any](fields fieldSet[T], filters []Filter) (predicate[T], error) {
	preds := make([]predicate[T], 0, len(filters))
	for _, f := range filters {
		p, err := compileFilter(fields, f)
		if err != nil {
			return nil, err
		}
		preds = append(preds, p)
	}
	return func(v T) bool {
		for _, p := range preds {
			if !p(v) {
				return false
			}
		}
		return true
	}, nil
}

func compileFilter[T any](fields fieldSet[T], f Filter) (predicate[T], error) {
	acc, ok := fields[f.Key]
	if !ok {
		return nil, awserr.New(awserr.InvalidFilter, "Filter key %q is not supported by this operation: use one of %s.",
			f.Key, strings.Join(slices.Sorted(maps.Keys(fields)), ", "))
	}
	if len(f.Values) == 0 {
		return nil, awserr.New(awserr.InvalidFilter, "Filter %q has no values: give 1 to 20 values.", f.Key)
	}
	typ := f.Type
	if typ == "" {
		typ = FilterEqual
	}
	if acc.time != nil {
		return timePredicate(acc.time, f.Key, typ, f.Values)
	}
	return textPredicate(acc.text, f.Key, typ, f.Values)
}

func textPredicate[T any](get func(T) string, key, typ string, values []string) (predicate[T], error) {
	switch typ {
	case FilterEqual:
		return func(v T) bool { return slices.Contains(values, get(v)) }, nil
	case FilterNotEqual:
		return func(v T) bool { return !slices.Contains(values, get(v)) }, nil
	case FilterBeginWith:
		return func(v T) bool {
			return slices.ContainsFunc(values, func(p string) bool { return strings.HasPrefix(get(v), p) })
		}, nil
	}
	return nil, awserr.New(awserr.InvalidFilter,
		"Filter type %s is not supported for key %s: use EQUAL, NOT_EQUAL or BEGIN_WITH.", typ, key)
}

func timePredicate[T any](get func(T) time.Time, key, typ string, values []string) (predicate[T], error) {
	times, err := parseFilterTimes(key, values)
	if err != nil {
		return nil, err
	}
	matchAny := func(v T, cmp func(t, ref time.Time) bool) bool {
		t := get(v)
		return slices.ContainsFunc(times, func(ref time.Time) bool { return cmp(t, ref) })
	}
	switch typ {
	case FilterEqual:
		return func(v T) bool { return matchAny(v, time.Time.Equal) }, nil
	case FilterNotEqual:
		return func(v T) bool { return !matchAny(v, time.Time.Equal) }, nil
	case FilterLessThan:
		return func(v T) bool { return matchAny(v, time.Time.Before) }, nil
	case FilterGreaterThan:
		return func(v T) bool { return matchAny(v, time.Time.After) }, nil
	}
	return nil, awserr.New(awserr.InvalidFilter,
		"Filter type %s is not supported for key %s: use EQUAL, NOT_EQUAL, LESS_THAN or GREATER_THAN.", typ, key)
}

// parseFilterTimes reads time filter values: ISO 8601 (2019-02-18T16:00:00Z,
// a date alone means its midnight UTC) or epoch seconds.
func parseFilterTimes(key string, values []string) ([]time.Time, error) {
	out := make([]time.Time, len(values))
	for i, s := range values {
		t, ok := parseFilterTime(s)
		if !ok {
			return nil, awserr.New(awserr.InvalidFilter,
				"Filter %s value %q is not a time: use ISO 8601 (2019-02-18T16:00:00Z) or epoch seconds.", key, s)
		}
		out[i] = t
	}
	return out, nil
}

var filterTimeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02"}

func parseFilterTime(s string) (time.Time, bool) {
	for _, layout := range filterTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= 0 && f <= 253402300799) { // also rejects NaN
		return time.Time{}, false
	}
	return time.UnixMilli(int64(f * 1000)).UTC(), true
}
