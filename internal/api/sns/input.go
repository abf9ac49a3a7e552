package sns

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/awserr"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/validate"
)

// input reads the members of a Query request. Missing required members
// are collected into one ValidationError; values SNS itself judges are
// checked by the domain (InvalidParameter).
type input struct {
	form url.Values
	v    validate.Errors
}

func newInput(form url.Values) *input { return &input{form: form} }

// member is the name AWS uses for a member in validation messages.
func member(key string) string {
	r, n := utf8.DecodeRuneInString(key)
	return string(unicode.ToLower(r)) + key[n:]
}

// str returns an optional member, nil when absent.
func (in *input) str(key string) *string {
	if _, ok := in.form[key]; !ok {
		return nil
	}
	s := in.form.Get(key)
	return &s
}

// get returns an optional member, "" when absent.
func (in *input) get(key string) string { return in.form.Get(key) }

// required returns a required member, recording its absence.
func (in *input) required(key string) string {
	s := in.str(key)
	if !in.v.Required(member(key), s != nil) {
		return ""
	}
	return *s
}

// boolean reads an optional boolean member.
func (in *input) boolean(key string) bool {
	s := in.str(key)
	if s == nil {
		return false
	}
	b, err := strconv.ParseBool(*s)
	if err != nil {
		in.v.Add(member(key), *s, "Member must be a boolean")
	}
	return b
}

// indexes returns the sorted N of every Key.<kind>.N… present.
func (in *input) indexes(key, kind string) []int {
	prefix := key + "." + kind + "."
	seen := map[int]bool{}
	for k := range in.form {
		rest, ok := strings.CutPrefix(k, prefix)
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ".")
		if n, err := strconv.Atoi(num); err == nil {
			seen[n] = true
		}
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// attributes reads a string map (Key.entry.N.key / Key.entry.N.value).
func (in *input) attributes(key string) map[string]string {
	idx := in.indexes(key, "entry")
	if len(idx) == 0 {
		return nil
	}
	out := make(map[string]string, len(idx))
	for _, n := range idx {
		base := fmt.Sprintf("%s.entry.%d.", key, n)
		k := in.form.Get(base + "key")
		if k == "" {
			in.v.Add(member(key)+".entry."+strconv.Itoa(n)+".key", nil, "Member must not be null")
			continue
		}
		out[k] = in.form.Get(base + "value")
	}
	return out
}

// messageAttributes reads MessageAttributes (Key.entry.N.Name and
// Key.entry.N.Value.DataType / StringValue / BinaryValue, base64).
func (in *input) messageAttributes(key string) map[string]sandbox.MessageAttribute {
	idx := in.indexes(key, "entry")
	if len(idx) == 0 {
		return nil
	}
	out := make(map[string]sandbox.MessageAttribute, len(idx))
	for _, n := range idx {
		base := fmt.Sprintf("%s.entry.%d.", key, n)
		a := sandbox.MessageAttribute{DataType: in.get(base + "Value.DataType"), StringValue: in.get(base + "Value.StringValue")}
		if b := in.str(base + "Value.BinaryValue"); b != nil {
			raw, err := base64.StdEncoding.DecodeString(*b)
			if err != nil {
				in.v.Add(member(key)+".entry."+strconv.Itoa(n)+".value.binaryValue", *b, "Member must be base64-encoded")
			}
			a.BinaryValue = raw
		}
		out[in.get(base+"Name")] = a
	}
	return out
}

// list reads a list member (Key.member.1, Key.member.2, …) in order.
func (in *input) list(key string) []string {
	idx := in.indexes(key, "member")
	out := make([]string, 0, len(idx))
	for _, n := range idx {
		out = append(out, in.form.Get(fmt.Sprintf("%s.member.%d", key, n)))
	}
	return out
}

// tags reads a tag list (Key.member.N.Key / .Value); required members of
// each tag are checked here, their content by the domain.
func (in *input) tags(key string) []sandbox.Tag {
	idx := in.indexes(key, "member")
	out := make([]sandbox.Tag, 0, len(idx))
	for i, n := range idx {
		base := fmt.Sprintf("%s.member.%d.", key, n)
		path := validate.Member(member(key), i, "")
		k, v := in.str(base+"Key"), in.str(base+"Value")
		in.v.Required(path+".key", k != nil)
		in.v.Required(path+".value", v != nil)
		if k != nil && v != nil {
			out = append(out, sandbox.Tag{Key: *k, Value: *v})
		}
	}
	return out
}

// requiredList reads a required list (the SDKs send "Key=" for an empty
// one).
func (in *input) requiredList(key string, items int) {
	if _, present := in.form[key]; !present && items == 0 {
		in.v.Required(member(key), false)
	}
}

// err returns the collected violations as SNS's ValidationError.
func (in *input) err() error {
	err := in.v.Err()
	if ae, ok := awserr.As(err); ok {
		return sandbox.Err(sandbox.CodeValidationError, "%s", ae.Message)
	}
	return err
}
