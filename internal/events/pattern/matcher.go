package pattern

import (
	"encoding/json"
	"math"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// kind is what a matcher tests.
type kind uint8

const (
	kindNone        kind = iota // never built; marks "no sub-operator"
	kindExact                   // a string, or an IP address literal
	kindNumber                  // a number literal, compared numerically
	kindTrue                    // true
	kindFalse                   // false
	kindNull                    // null
	kindPrefix                  // {"prefix": s}
	kindPrefixFold              // {"prefix": {"equals-ignore-case": s}}
	kindSuffix                  // {"suffix": s}
	kindSuffixFold              // {"suffix": {"equals-ignore-case": s}}
	kindEqualsFold              // {"equals-ignore-case": s}
	kindWildcard                // {"wildcard": s}
	kindNumeric                 // {"numeric": [...]}
	kindCIDR                    // {"cidr": s}
	kindExists                  // {"exists": true}
	kindAbsent                  // {"exists": false}; kept on the leaf, not as a matcher
	kindButStrings              // {"anything-but": s | [s...]}
	kindButNumbers              // {"anything-but": n | [n...]}
	kindButPrefix               // {"anything-but": {"prefix": ...}}
	kindButSuffix               // {"anything-but": {"suffix": ...}}
	kindButFold                 // {"anything-but": {"equals-ignore-case": ...}}
	kindButWildcard             // {"anything-but": {"wildcard": ...}}
)

// matcher is one allowed value of a leaf.
type matcher struct {
	kind kind
	s    string     // string operand; number text for kindNumber
	ip   netip.Addr // kindExact: s as an IP address, when it is one
	num  float64    // kindNumber
	strs []string   // anything-but strings, prefixes, suffixes
	nums []float64  // anything-but numbers
	wild []wildcard // wildcard, anything-but wildcards
	rng  numRange   // kindNumeric
	lo   netip.Addr // kindCIDR
	hi   netip.Addr // kindCIDR
}

func exactString(s string) matcher {
	m := matcher{kind: kindExact, s: s}
	if ip, ok := parseIP(s); ok {
		m.ip = ip
	}
	return m
}

func exactNumber(text string) matcher {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		f = math.NaN() // out of float range: only the same text matches
	}
	return matcher{kind: kindNumber, s: text, num: f}
}

// vtype is the JSON type of an event leaf.
type vtype uint8

const (
	vOther vtype = iota
	vString
	vNumber
	vBool
	vNull
)

// value is an event leaf, classified once for all matchers of a leaf.
type value struct {
	t    vtype
	s    string  // string, or a json.Number's text
	f    float64 // number
	b    bool
	bad  bool // a json.Number that does not parse
	text bool // s holds a json.Number's text
}

func classify(v any) value {
	switch x := v.(type) {
	case string:
		return value{t: vString, s: x}
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		return value{t: vNumber, f: f, s: string(x), text: true, bad: err != nil && !isRangeErr(err)}
	case float64:
		return value{t: vNumber, f: x}
	case bool:
		return value{t: vBool, b: x}
	case nil:
		return value{t: vNull}
	}
	return classifyOther(v)
}

func classifyOther(v any) value {
	switch x := v.(type) {
	case float32:
		return value{t: vNumber, f: float64(x)}
	case int:
		return value{t: vNumber, f: float64(x)}
	case int64:
		return value{t: vNumber, f: float64(x)}
	case int32:
		return value{t: vNumber, f: float64(x)}
	case uint64:
		return value{t: vNumber, f: float64(x)}
	case uint:
		return value{t: vNumber, f: float64(x)}
	}
	return value{t: vOther}
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// comparable reports whether v takes part in numeric comparisons.
func (v *value) comparable() bool {
	return v.t == vNumber && !v.bad && math.Abs(v.f) <= numericLimit
}

// match reports whether the event leaf v is one the matcher allows.
func (m *matcher) match(v *value) bool {
	if m.kind >= kindButStrings {
		return m.matchAnythingBut(v)
	}
	switch m.kind {
	case kindNumber:
		return v.t == vNumber && (m.num == v.f && !v.bad || v.text && v.s == m.s)
	case kindTrue, kindFalse:
		return v.t == vBool && v.b == (m.kind == kindTrue)
	case kindNull:
		return v.t == vNull
	case kindNumeric:
		return v.comparable() && m.rng.contains(v.f)
	case kindExists:
		return true
	}
	return v.t == vString && m.matchString(v.s)
}

// matchString applies the string operators.
func (m *matcher) matchString(s string) bool {
	switch m.kind {
	case kindExact:
		return s == m.s || m.ip.IsValid() && sameIP(s, m.ip)
	case kindPrefix:
		return strings.HasPrefix(s, m.s)
	case kindPrefixFold:
		return hasPrefixFold(s, m.s)
	case kindSuffix:
		return strings.HasSuffix(s, m.s)
	case kindSuffixFold:
		return hasSuffixFold(s, m.s)
	case kindEqualsFold:
		return strings.EqualFold(s, m.s)
	case kindWildcard:
		return m.wild[0].match(s)
	case kindCIDR:
		return inCIDR(s, m.lo, m.hi)
	}
	return false
}

// matchAnythingBut: a numeric anything-but needs a number; the string forms
// let any value through that is not a string they exclude.
func (m *matcher) matchAnythingBut(v *value) bool {
	if m.kind == kindButNumbers {
		return v.t == vNumber && !v.bad && !slices.Contains(m.nums, v.f)
	}
	if v.t != vString {
		return true
	}
	return !m.excludes(v.s)
}

func (m *matcher) excludes(s string) bool {
	for _, p := range m.strs {
		if m.kind == kindButStrings && s == p ||
			m.kind == kindButPrefix && strings.HasPrefix(s, p) ||
			m.kind == kindButSuffix && strings.HasSuffix(s, p) ||
			m.kind == kindButFold && strings.EqualFold(s, p) {
			return true
		}
	}
	for i := range m.wild {
		if m.wild[i].match(s) {
			return true
		}
	}
	return false
}
