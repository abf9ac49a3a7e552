// Package queryform reads the members of an AWS Query-protocol request
// (the form of IAM, SNS, STS, …): scalars, lists (Name.member.N), maps
// (Name.entry.N.key / .value) and tag lists (Tags.member.N.Key / .Value).
// A Form collects every violation of the model in one validate.Errors, so
// a service reports them together in its own ValidationError; checks a
// service alone makes (patterns, limits) stay in the service's package.
package queryform

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/validate"
)

// Form reads one request's members. The zero value with Values set is
// ready to use.
type Form struct {
	// Values is the decoded form.
	Values url.Values
	// Errors collects the violations; services add their own checks.
	Errors validate.Errors
}

// Member is the name AWS gives a member in validation messages
// ("RoleName" → "roleName").
func Member(key string) string {
	if key == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(key)
	return string(unicode.ToLower(r)) + key[n:]
}

// Has reports whether the form carries key (possibly empty).
func (f *Form) Has(key string) bool {
	_, ok := f.Values[key]
	return ok
}

// Str returns an optional member, nil when absent.
func (f *Form) Str(key string) *string {
	if !f.Has(key) {
		return nil
	}
	s := f.Values.Get(key)
	return &s
}

// Get returns an optional member, "" when absent.
func (f *Form) Get(key string) string { return f.Values.Get(key) }

// Required returns a required member, recording its absence (ok false).
func (f *Form) Required(key string) (s string, ok bool) {
	p := f.Str(key)
	if !f.Errors.Required(Member(key), p != nil) {
		return "", false
	}
	return *p, true
}

// Bool reads an optional boolean member: nil when absent, and nil with a
// violation recorded when it is not a boolean.
func (f *Form) Bool(key string) *bool {
	s := f.Str(key)
	if s == nil {
		return nil
	}
	b, err := strconv.ParseBool(*s)
	if err != nil {
		f.Errors.Add(Member(key), *s, "Member must be a boolean")
		return nil
	}
	return &b
}

// Indexes returns, in order, the N of every key.kind.N and key.kind.N.…
// present (kind is "member" for lists, "entry" for maps).
func (f *Form) Indexes(key, kind string) []int {
	prefix := key + "." + kind + "."
	seen := map[int]bool{}
	for k := range f.Values {
		rest, ok := strings.CutPrefix(k, prefix)
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ".")
		if n, err := strconv.Atoi(num); err == nil {
			seen[n] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// List reads a list of strings (key.member.1, key.member.2, …) in order.
func (f *Form) List(key string) []string {
	idx := f.Indexes(key, "member")
	out := make([]string, 0, len(idx))
	for _, n := range idx {
		if vs, ok := f.Values[fmt.Sprintf("%s.member.%d", key, n)]; ok {
			out = append(out, vs[0])
		}
	}
	return out
}

// RequireList records a missing required list: one the form neither
// carries items of nor names (the SDKs send "Key=" for an empty list).
func (f *Form) RequireList(key string, items int) {
	if !f.Has(key) && items == 0 {
		f.Errors.Required(Member(key), false)
	}
}

// Map reads a string map (key.entry.N.key / key.entry.N.value); nil when
// the form has no entry. An entry without a key is a violation.
func (f *Form) Map(key string) map[string]string {
	idx := f.Indexes(key, "entry")
	if len(idx) == 0 {
		return nil
	}
	out := make(map[string]string, len(idx))
	for _, n := range idx {
		base := fmt.Sprintf("%s.entry.%d.", key, n)
		k := f.Get(base + "key")
		if k == "" {
			f.Errors.Add(Member(key)+".entry."+strconv.Itoa(n)+".key", nil, "Member must not be null")
			continue
		}
		out[k] = f.Get(base + "value")
	}
	return out
}

// Tag is one item of a tag list.
type Tag struct {
	Key, Value string
}

// TagCheck checks the value s of a tag's Key or Value; path names it in
// messages ("tags.1.member.key").
type TagCheck func(path, s string)

// Tags reads a tag list (key.member.N.Key / .Value) in order, recording
// each tag's missing Key or Value; a tag missing either is left out.
// checkKey and checkValue, when not nil, check each Key and Value present.
func (f *Form) Tags(key string, checkKey, checkValue TagCheck) []Tag {
	idx := f.Indexes(key, "member")
	out := make([]Tag, 0, len(idx))
	for i, n := range idx {
		base := fmt.Sprintf("%s.member.%d.", key, n)
		path := validate.Member(Member(key), i, "")
		k := f.tagMember(base+"Key", path+".key", checkKey)
		v := f.tagMember(base+"Value", path+".value", checkValue)
		if k != nil && v != nil {
			out = append(out, Tag{Key: *k, Value: *v})
		}
	}
	return out
}

// tagMember reads one required member of a tag and checks it.
func (f *Form) tagMember(key, path string, check TagCheck) *string {
	s := f.Str(key)
	if f.Errors.Required(path, s != nil) && check != nil {
		check(path, *s)
	}
	return s
}

// Err returns nil when no violation was recorded, else as(message) with
// the message AWS words ("1 validation error detected: …"): the service's
// own validation error.
func (f *Form) Err(as func(message string) error) error {
	err := f.Errors.Err()
	if ae, ok := awserr.As(err); ok {
		return as(ae.Message)
	}
	return err
}
