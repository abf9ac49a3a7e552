package iam

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/awserr"
	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
	"github.com/salvehq/salve/internal/validate"
)

// pattern is a model pattern: re matches it, shown is how AWS prints it.
type pattern struct {
	re    *regexp.Regexp
	shown string
}

func newPattern(goRE, shown string) pattern {
	return pattern{re: regexp.MustCompile(`^(?:` + goRE + `)$`), shown: shown}
}

// The model patterns IAM members use.
var (
	patName        = newPattern(`[\w+=,.@-]+`, `[\w+=,.@-]+`)
	patPath        = newPattern(`/|/[\x{21}-\x{7E}]+/`, `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`)
	patPathPrefix  = newPattern(`/[\x{21}-\x{7F}]*`, `\u002F[\u0021-\u007F]*`)
	patPolicyPath  = newPattern(`((/[A-Za-z0-9\.,\+@=_-]+)*)/`, `((/[A-Za-z0-9\.,\+@=_-]+)*)/`)
	patDocument    = newPattern(`[\x{09}\x{0A}\x{0D}\x{20}-\x{FF}]+`, `[\u0009\u000A\u000D\u0020-\u00FF]+`)
	patMarker      = newPattern(`[\x{20}-\x{FF}]+`, `[\u0020-\u00FF]+`)
	patVersionID   = newPattern(`v[1-9][0-9]*(\.[A-Za-z0-9-]*)?`, `v[1-9][0-9]*(\.[A-Za-z0-9-]*)?`)
	patTagKey      = newPattern(`[\p{L}\p{Z}\p{N}_.:/=+\-@]+`, `[\p{L}\p{Z}\p{N}_.:/=+\-@]+`)
	patTagValue    = newPattern(`[\p{L}\p{Z}\p{N}_.:/=+\-@]*`, `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`)
	patDescription = newPattern(`[\x{09}\x{0A}\x{0D}\x{20}-\x{7E}\x{A1}-\x{FF}]*`, `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*`)
)

// input reads the members of a Query request and collects every
// violation of the model, reported together as one ValidationError.
type input struct {
	form url.Values
	v    validate.Errors
}

func newInput(form url.Values) *input { return &input{form: form} }

// member is the name AWS uses for a member in validation messages
// ("RoleName" → "roleName").
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
func (in *input) required(key string) (string, bool) {
	s := in.str(key)
	if !in.v.Required(member(key), s != nil) {
		return "", false
	}
	return *s, true
}

// check records the length and pattern violations of one value.
func (in *input) check(path, s string, minLen, maxLen int, p *pattern) {
	in.v.Len(path, s, minLen, maxLen)
	if p != nil && !p.re.MatchString(s) {
		in.v.Add(path, s, "Member must satisfy regular expression pattern: "+p.shown)
	}
}

// name reads a required IAM name member of at most maxLen characters.
func (in *input) name(key string, maxLen int) string {
	s, ok := in.required(key)
	if ok {
		in.check(member(key), s, 1, maxLen, &patName)
	}
	return s
}

// optName reads an optional IAM name member.
func (in *input) optName(key string, maxLen int) string {
	s := in.str(key)
	if s == nil {
		return ""
	}
	in.check(member(key), *s, 1, maxLen, &patName)
	return *s
}

// path reads an optional path member of the given pattern.
func (in *input) path(key string, p *pattern) string {
	s := in.str(key)
	if s == nil {
		return ""
	}
	in.check(member(key), *s, 1, 512, p)
	return *s
}

// document reads a required policy document member.
func (in *input) document(key string) string {
	s, ok := in.required(key)
	if ok {
		in.check(member(key), s, 1, 131072, &patDocument)
	}
	return s
}

// arn reads a required ARN member.
func (in *input) arn(key string) string {
	s, ok := in.required(key)
	if ok {
		in.check(member(key), s, 20, 2048, nil)
	}
	return s
}

// versionID reads a required policy version id.
func (in *input) versionID(key string) string {
	s, ok := in.required(key)
	if ok {
		in.check(member(key), s, 0, -1, &patVersionID)
	}
	return s
}

// integer reads an optional integer member within [minV, maxV].
func (in *input) integer(key string, minV, maxV int64) *int {
	s := in.str(key)
	if s == nil {
		return nil
	}
	n, err := strconv.ParseInt(*s, 10, 32)
	if err != nil {
		in.v.Add(member(key), *s, "Member must be an integer")
		return nil
	}
	in.v.Range(member(key), &n, minV, maxV)
	v := int(n)
	return &v
}

// boolean reads an optional boolean member.
func (in *input) boolean(key string) *bool {
	s := in.str(key)
	if s == nil {
		return nil
	}
	b, err := strconv.ParseBool(*s)
	if err != nil {
		in.v.Add(member(key), *s, "Member must be a boolean")
		return nil
	}
	return &b
}

// enum reads an optional enum member.
func (in *input) enum(key string, values ...string) string {
	s := in.str(key)
	if s == nil {
		return ""
	}
	in.v.Enum(member(key), *s, values...)
	return *s
}

// page reads Marker and MaxItems.
func (in *input) page() sandbox.Page {
	var p sandbox.Page
	if m := in.str("Marker"); m != nil {
		in.check("marker", *m, 1, 320, &patMarker)
		p.Marker = *m
	}
	if n := in.integer("MaxItems", 1, 1000); n != nil {
		p.MaxItems = *n
	}
	return p
}

// list reads a list member (Key.member.1, Key.member.2, …) in order.
func (in *input) list(key string) []string {
	prefix := key + ".member."
	type item struct {
		n int
		v string
	}
	var items []item
	for k, vs := range in.form {
		rest, ok := strings.CutPrefix(k, prefix)
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(rest); err == nil {
			items = append(items, item{n, vs[0]})
		}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].n < items[j].n })
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.v
	}
	return out
}

// indexes returns the N of every Key.member.N.Field present, in order.
func (in *input) indexes(key string) []int {
	prefix := key + ".member."
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

// tags reads a tag list member (Key.member.N.Key / .Value).
func (in *input) tags(key string) []sandbox.Tag {
	idx := in.indexes(key)
	in.v.Items(member(key), len(idx), 0, 50, fmt.Sprintf("[%d tags]", len(idx)))
	out := make([]sandbox.Tag, 0, len(idx))
	for i, n := range idx {
		base := fmt.Sprintf("%s.member.%d.", key, n)
		k, hasKey := in.form[base+"Key"]
		v, hasValue := in.form[base+"Value"]
		path := validate.Member(member(key), i, "")
		if in.v.Required(path+".key", hasKey) {
			in.check(path+".key", k[0], 1, 128, &patTagKey)
		}
		if in.v.Required(path+".value", hasValue) {
			in.check(path+".value", v[0], 0, 256, &patTagValue)
		}
		if hasKey && hasValue {
			out = append(out, sandbox.Tag{Key: k[0], Value: v[0]})
		}
	}
	return out
}

// tagKeys reads a list of tag keys.
func (in *input) tagKeys(key string) []string {
	keys := in.list(key)
	if _, present := in.form[key]; !present && len(keys) == 0 {
		in.v.Required(member(key), false)
	}
	in.v.Items(member(key), len(keys), 0, 50, keys)
	for i, k := range keys {
		in.check(validate.Member(member(key), i, ""), k, 1, 128, &patTagKey)
	}
	return keys
}

// err returns the collected violations as IAM's ValidationError.
func (in *input) err() error {
	err := in.v.Err()
	if ae, ok := awserr.As(err); ok {
		return sandbox.Err(sandbox.CodeValidationError, "%s", ae.Message)
	}
	return err
}

// description reads the optional role Description member.
func (in *input) description() string {
	s := in.str("Description")
	if s == nil {
		return ""
	}
	in.check("description", *s, 0, 1000, &patDescription)
	return *s
}

// requiredTags reads a required tag list (the SDKs send "Tags=" for an
// empty one).
func (in *input) requiredTags(key string) []sandbox.Tag {
	tags := in.tags(key)
	if _, present := in.form[key]; !present && len(tags) == 0 {
		in.v.Required(member(key), false)
	}
	return tags
}

// unsupported rejects a member Salve does not model.
func (in *input) unsupported(key, what string) {
	if s := in.str(key); s != nil {
		in.v.Add(member(key), *s, "Salve does not support "+what)
	}
}
