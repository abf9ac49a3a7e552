// Package validate checks request members against the constraints of the
// AWS models (length, pattern, enum, range, list size) and reports every
// violation in one ValidationException worded as AWS words it:
//
//	1 validation error detected: Value 'x' at 'configRuleName' failed to
//	satisfy constraint: Member must have length less than or equal to 128
//
// The clients check almost nothing (required members at most), so the
// server checks everything.
package validate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/awserr"
)

// Errors collects violations. The zero value is ready to use.
type Errors struct {
	msgs []string
}

// Err returns the collected violations as one ValidationException, or nil.
func (e *Errors) Err() error {
	if len(e.msgs) == 0 {
		return nil
	}
	noun := "error"
	if len(e.msgs) > 1 {
		noun = "errors"
	}
	return awserr.New(awserr.ValidationException, "%d validation %s detected: %s",
		len(e.msgs), noun, strings.Join(e.msgs, "; "))
}

// Add records a violation of member path with a free-form constraint text.
func (e *Errors) Add(path string, value any, constraint string) {
	e.msgs = append(e.msgs, fmt.Sprintf("Value %s at '%s' failed to satisfy constraint: %s",
		show(value), path, constraint))
}

func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "'" + x + "'"
	case []string:
		return "'[" + strings.Join(x, ", ") + "]'"
	default:
		return fmt.Sprintf("'%v'", x)
	}
}

// Required records a violation when a required member is missing.
func (e *Errors) Required(path string, present bool) bool {
	if !present {
		e.Add(path, nil, "Member must not be null")
	}
	return present
}

// String checks an optional string member: nil is accepted.
func (e *Errors) String(path string, s *string, min, max int) {
	if s != nil {
		e.Len(path, *s, min, max)
	}
}

// Len checks the length of s in characters; max < 0 means no upper bound.
func (e *Errors) Len(path, s string, min, max int) {
	n := utf8.RuneCountInString(s)
	switch {
	case n < min:
		e.Add(path, s, fmt.Sprintf("Member must have length greater than or equal to %d", min))
	case max >= 0 && n > max:
		e.Add(path, s, fmt.Sprintf("Member must have length less than or equal to %d", max))
	}
}

// Items checks the size of a list member; max < 0 means no upper bound.
func (e *Errors) Items(path string, n, min, max int, value any) {
	switch {
	case n < min:
		e.Add(path, value, fmt.Sprintf("Member must have length greater than or equal to %d", min))
	case max >= 0 && n > max:
		e.Add(path, value, fmt.Sprintf("Member must have length less than or equal to %d", max))
	}
}

// Range checks an optional numeric member.
func (e *Errors) Range(path string, n *int64, min, max int64) {
	if n == nil {
		return
	}
	switch {
	case *n < min:
		e.Add(path, *n, fmt.Sprintf("Member must have value greater than or equal to %d", min))
	case *n > max:
		e.Add(path, *n, fmt.Sprintf("Member must have value less than or equal to %d", max))
	}
}

// RangeInt is Range for *int32 members.
func (e *Errors) RangeInt(path string, n *int32, min, max int64) {
	if n != nil {
		v := int64(*n)
		e.Range(path, &v, min, max)
	}
}

// Enum checks that s is one of values; the empty string is a violation too.
func (e *Errors) Enum(path, s string, values ...string) {
	for _, v := range values {
		if s == v {
			return
		}
	}
	e.Add(path, s, "Member must satisfy enum value set: ["+strings.Join(values, ", ")+"]")
}

// OptionalEnum checks an optional enum member.
func (e *Errors) OptionalEnum(path string, s *string, values ...string) {
	if s != nil {
		e.Enum(path, *s, values...)
	}
}

// Pattern checks that s matches the model pattern (anchored as AWS anchors
// it: the whole value must match).
func (e *Errors) Pattern(path, s, pattern string) {
	if !Matches(pattern, s) {
		e.Add(path, s, "Member must satisfy regular expression pattern: "+pattern)
	}
}

// Member formats the path of a list item the way AWS does
// (`resourceKeys.1.member.resourceId`, 1-based).
func Member(list string, i int, member string) string {
	p := list + "." + strconv.Itoa(i+1) + ".member"
	if member != "" {
		p += "." + member
	}
	return p
}

var (
	patMu    sync.Mutex
	patCache = map[string]*regexp.Regexp{}
)

// Matches reports whether the whole of s matches the model pattern.
func Matches(pattern, s string) bool {
	patMu.Lock()
	re, ok := patCache[pattern]
	if !ok {
		re = regexp.MustCompile(`^(?:` + pattern + `)$`)
		patCache[pattern] = re
	}
	patMu.Unlock()
	return re.MatchString(s)
}
