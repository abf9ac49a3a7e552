package securityhub

import (
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"time"
)

// String filter comparisons (StringFilter.Comparison; MapFilter takes the
// first four).
const (
	CompareEquals          = "EQUALS"
	ComparePrefix          = "PREFIX"
	CompareNotEquals       = "NOT_EQUALS"
	ComparePrefixNotEquals = "PREFIX_NOT_EQUALS"
	CompareContains        = "CONTAINS"
	CompareNotContains     = "NOT_CONTAINS"
	CompareContainsWord    = "CONTAINS_WORD"
)

// StringFilter compares a string member.
type StringFilter struct {
	Value      string
	Comparison string
}

// DateFilter bounds a timestamp member: Start and End (either may be
// left open), or a DateRange back from now.
type DateFilter struct {
	Start, End string
	DateRange  *DateRange
}

// DateRange is "within the last Value days".
type DateRange struct {
	Value *int
	Unit  string
}

// NumberFilter bounds a number member; every bound given must hold.
type NumberFilter struct {
	Gte, Lte, Eq, Gt, Lt *float64
}

// MapFilter compares the value of one key of a map member.
type MapFilter struct {
	Key, Value, Comparison string
}

// BooleanFilter matches a boolean member.
type BooleanFilter struct {
	Value bool
}

// IPFilter matches an IP address member inside a CIDR block (or equal to
// an address).
type IPFilter struct {
	Cidr string
}

// Filters are GetFindings' AwsSecurityFindingFilters, by member name.
// Members are joined by AND; within one member, see each filter type.
type Filters struct {
	Strings  map[string][]StringFilter
	Dates    map[string][]DateFilter
	Numbers  map[string][]NumberFilter
	Maps     map[string][]MapFilter
	Booleans map[string][]BooleanFilter
	IPs      map[string][]IPFilter
	// Keyword holds the deprecated Keyword filters (refused).
	Keyword []StringFilter
}

// predicate tests one finding (as a JSON document).
type predicate func(doc any) bool

// compile checks the filters and returns their predicates; a bad filter
// is an InvalidInputException naming it.
func (fs *Filters) compile(now time.Time) ([]predicate, error) {
	if len(fs.Keyword) > 0 {
		return nil, InvalidInput("The Keyword filter is deprecated and not supported; filter on Title, Description or another member.")
	}
	var out []predicate
	var errs []error
	collect := func(p predicate, err error) {
		if err != nil {
			errs = append(errs, err)
			return
		}
		out = append(out, p)
	}
	each(fs.Strings, func(n string, v []StringFilter) { collect(stringPredicate(n, v)) })
	each(fs.Dates, func(n string, v []DateFilter) { collect(datePredicate(n, v, now)) })
	each(fs.Numbers, func(n string, v []NumberFilter) { collect(numberPredicate(n, v)) })
	each(fs.Maps, func(n string, v []MapFilter) { collect(mapPredicate(n, v)) })
	each(fs.Booleans, func(n string, v []BooleanFilter) { collect(boolPredicate(n, v)) })
	each(fs.IPs, func(n string, v []IPFilter) { collect(ipPredicate(n, v)) })
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return out, nil
}

// each calls fn for every entry of m, in key order.
func each[V any](m map[string]V, fn func(string, V)) {
	for _, k := range sortedKeys(m) {
		fn(k, m[k])
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// pathOf returns the path of a member of the kind; ok is false when the
// member is not of that kind.
func pathOf(name string, kind FilterKind) ([]segment, error) {
	f, ok := fields[name]
	if !ok || f.kind != kind {
		return nil, InvalidInput("%s is not a filter of this type in AwsSecurityFindingFilters.", name)
	}
	return parsePath(f.path), nil
}

// stringsAt returns the string values of a path.
func stringsAt(doc any, path []segment) []string {
	var out []string
	for _, v := range valuesAt(doc, path) {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// positive reports whether a comparison selects (rather than excludes).
func positive(comparison string) bool {
	return comparison == CompareEquals || comparison == ComparePrefix || comparison == CompareContains
}

// compareString applies a comparison's test (the positive form for the
// NOT_ ones) to a value.
func compareString(comparison, value, want string) bool {
	switch comparison {
	case CompareEquals, CompareNotEquals:
		return value == want
	case ComparePrefix, ComparePrefixNotEquals:
		return strings.HasPrefix(value, want)
	}
	return strings.Contains(value, want)
}

// stringPredicate joins a member's string filters as Security Hub does:
// EQUALS, PREFIX and CONTAINS by OR; NOT_EQUALS, PREFIX_NOT_EQUALS and
// NOT_CONTAINS by AND.
func stringPredicate(name string, filters []StringFilter) (predicate, error) {
	path, err := pathOf(name, FilterString)
	if err != nil {
		return nil, err
	}
	if err := checkStringFilters(name, filters); err != nil {
		return nil, err
	}
	return func(doc any) bool {
		return matchStrings(stringsAt(doc, path), filters)
	}, nil
}

// matchStrings applies string filters to a member's values.
func matchStrings(values []string, filters []StringFilter) bool {
	anyPositive, matched := false, false
	for _, f := range filters {
		hit := slices.ContainsFunc(values, func(v string) bool { return compareString(f.Comparison, v, f.Value) })
		if positive(f.Comparison) {
			anyPositive = true
			matched = matched || hit
		} else if hit {
			return false
		}
	}
	return !anyPositive || matched
}

// comparisons lists the string comparisons GetFindings takes.
var comparisons = []string{CompareEquals, ComparePrefix, CompareNotEquals, ComparePrefixNotEquals,
	CompareContains, CompareNotContains}

// checkStringFilters refuses the filters and combinations Security Hub
// refuses: CONTAINS or NOT_CONTAINS only with their own kind, EQUALS not
// with NOT_EQUALS or PREFIX_NOT_EQUALS.
func checkStringFilters(name string, filters []StringFilter) error {
	seen := map[string]bool{}
	for _, f := range filters {
		if err := checkStringFilter(name, f); err != nil {
			return err
		}
		seen[f.Comparison] = true
	}
	for _, c := range []string{CompareContains, CompareNotContains} {
		if seen[c] && len(seen) > 1 {
			return InvalidInput("%s: a %s filter can only be combined with other %s filters.", name, c, c)
		}
	}
	if seen[CompareEquals] && (seen[CompareNotEquals] || seen[ComparePrefixNotEquals]) {
		return InvalidInput("%s: EQUALS cannot be combined with NOT_EQUALS or PREFIX_NOT_EQUALS on the same field.", name)
	}
	return nil
}

func checkStringFilter(name string, f StringFilter) error {
	switch {
	case f.Comparison == CompareContainsWord:
		return InvalidInput("%s: the CONTAINS_WORD comparison is only supported by GetFindingsV2.", name)
	case !slices.Contains(comparisons, f.Comparison):
		return InvalidInput("%s: invalid Comparison %q: use one of %s.", name, f.Comparison, strings.Join(comparisons, ", "))
	case strings.TrimSpace(f.Value) == "":
		return InvalidInput("%s: a StringFilter needs a non-empty Value.", name)
	}
	return nil
}

// datePredicate matches a timestamp member within any of the filters.
func datePredicate(name string, filters []DateFilter, now time.Time) (predicate, error) {
	path, err := pathOf(name, FilterDate)
	if err != nil {
		return nil, err
	}
	bounds := make([][2]time.Time, len(filters))
	for i, f := range filters {
		if bounds[i], err = dateBounds(name, f, now); err != nil {
			return nil, err
		}
	}
	return func(doc any) bool {
		for _, v := range stringsAt(doc, path) {
			t, ok := ParseTime(v)
			if ok && slices.ContainsFunc(bounds, func(b [2]time.Time) bool { return within(t, b) }) {
				return true
			}
		}
		return false
	}, nil
}

// within reports whether t lies in [b[0], b[1]]; a zero bound is open.
func within(t time.Time, b [2]time.Time) bool {
	return (b[0].IsZero() || !t.Before(b[0])) && (b[1].IsZero() || !t.After(b[1]))
}

// dateBounds returns the interval of a date filter.
func dateBounds(name string, f DateFilter, now time.Time) ([2]time.Time, error) {
	var b [2]time.Time
	if f.DateRange != nil {
		if f.Start != "" || f.End != "" {
			return b, InvalidInput("%s: give either Start and End or DateRange, not both.", name)
		}
		return rangeBounds(name, f.DateRange, now)
	}
	if f.Start == "" && f.End == "" {
		return b, InvalidInput("%s: a DateFilter needs Start and End, or DateRange.", name)
	}
	for i, s := range []string{f.Start, f.End} {
		if s == "" {
			continue
		}
		t, ok := ParseTime(s)
		if !ok {
			return b, InvalidInput("%s: %q is not a valid timestamp (use e.g. 2019-01-31T23:00:00Z).", name, s)
		}
		b[i] = t
	}
	return b, nil
}

func rangeBounds(name string, r *DateRange, now time.Time) ([2]time.Time, error) {
	if r.Unit != "DAYS" {
		return [2]time.Time{}, InvalidInput("%s: invalid DateRange Unit %q: use DAYS.", name, r.Unit)
	}
	if r.Value == nil || *r.Value < 0 {
		return [2]time.Time{}, InvalidInput("%s: DateRange needs a Value of 0 or more days.", name)
	}
	return [2]time.Time{now.AddDate(0, 0, -*r.Value), now}, nil
}

// numberPredicate matches a number member satisfying any of the filters.
func numberPredicate(name string, filters []NumberFilter) (predicate, error) {
	path, err := pathOf(name, FilterNumber)
	if err != nil {
		return nil, err
	}
	for _, f := range filters {
		if f.Gte == nil && f.Lte == nil && f.Eq == nil && f.Gt == nil && f.Lt == nil {
			return nil, InvalidInput("%s: a NumberFilter needs at least one of Gte, Lte, Eq, Gt, Lt.", name)
		}
	}
	return func(doc any) bool {
		for _, v := range valuesAt(doc, path) {
			n, ok := v.(float64)
			if ok && slices.ContainsFunc(filters, func(f NumberFilter) bool { return f.holds(n) }) {
				return true
			}
		}
		return false
	}, nil
}

// holds reports whether n satisfies every bound of f.
func (f NumberFilter) holds(n float64) bool {
	return (f.Gte == nil || n >= *f.Gte) && (f.Lte == nil || n <= *f.Lte) && (f.Eq == nil || n == *f.Eq) &&
		(f.Gt == nil || n > *f.Gt) && (f.Lt == nil || n < *f.Lt)
}

// mapComparisons lists the comparisons a MapFilter takes.
var mapComparisons = []string{CompareEquals, CompareNotEquals, CompareContains, CompareNotContains}

// mapPredicate joins a map member's filters as string filters are joined.
func mapPredicate(name string, filters []MapFilter) (predicate, error) {
	path, err := pathOf(name, FilterMap)
	if err != nil {
		return nil, err
	}
	for _, f := range filters {
		if err := checkMapFilter(name, f); err != nil {
			return nil, err
		}
	}
	return func(doc any) bool {
		maps := valuesAt(doc, path)
		anyPositive, matched := false, false
		for _, f := range filters {
			hit := slices.ContainsFunc(maps, func(m any) bool { return mapHit(m, f) })
			if positive(f.Comparison) {
				anyPositive = true
				matched = matched || hit
			} else if hit {
				return false
			}
		}
		return !anyPositive || matched
	}, nil
}

// mapHit applies a map filter's test (the positive form) to one map.
func mapHit(m any, f MapFilter) bool {
	obj, _ := m.(map[string]any)
	v, ok := obj[f.Key].(string)
	return ok && compareString(f.Comparison, v, f.Value)
}

func checkMapFilter(name string, f MapFilter) error {
	switch {
	case !slices.Contains(mapComparisons, f.Comparison):
		return InvalidInput("%s: invalid Comparison %q: use one of %s.", name, f.Comparison, strings.Join(mapComparisons, ", "))
	case f.Key == "" || f.Value == "":
		return InvalidInput("%s: a MapFilter needs a Key and a Value.", name)
	}
	return nil
}

// boolPredicate matches a boolean member equal to any filter's value.
func boolPredicate(name string, filters []BooleanFilter) (predicate, error) {
	path, err := pathOf(name, FilterBoolean)
	if err != nil {
		return nil, err
	}
	return func(doc any) bool {
		for _, v := range valuesAt(doc, path) {
			b, ok := v.(bool)
			if ok && slices.ContainsFunc(filters, func(f BooleanFilter) bool { return f.Value == b }) {
				return true
			}
		}
		return false
	}, nil
}

// ipPredicate matches an address member inside any filter's block.
func ipPredicate(name string, filters []IPFilter) (predicate, error) {
	path, err := pathOf(name, FilterIP)
	if err != nil {
		return nil, err
	}
	prefixes := make([]netip.Prefix, len(filters))
	for i, f := range filters {
		p, err := parseCidr(f.Cidr)
		if err != nil {
			return nil, InvalidInput("%s: %q is not a CIDR block or IP address.", name, f.Cidr)
		}
		prefixes[i] = p
	}
	return func(doc any) bool {
		for _, s := range stringsAt(doc, path) {
			a, err := netip.ParseAddr(s)
			if err == nil && slices.ContainsFunc(prefixes, func(p netip.Prefix) bool { return p.Contains(a) }) {
				return true
			}
		}
		return false
	}, nil
}

// parseCidr reads a CIDR block, or an address as its own /32 or /128.
func parseCidr(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		return p.Masked(), err
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("parse %q: %w", s, err)
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}
