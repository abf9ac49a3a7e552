package iam

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"

	"github.com/salvehq/salve/internal/awsproto/queryform"
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
	queryform.Form
}

func newInput(form url.Values) *input { return &input{Form: queryform.Form{Values: form}} }

// requiredChecked reads a required member and, when present, records its
// length and pattern violations.
func (in *input) requiredChecked(key string, minLen, maxLen int, p *pattern) string {
	s, ok := in.Required(key)
	if ok {
		in.check(queryform.Member(key), s, minLen, maxLen, p)
	}
	return s
}

// optionalChecked reads an optional member ("" when absent) and, when
// present, records its length and pattern violations.
func (in *input) optionalChecked(key string, minLen, maxLen int, p *pattern) string {
	s := in.Str(key)
	if s == nil {
		return ""
	}
	in.check(queryform.Member(key), *s, minLen, maxLen, p)
	return *s
}

// check records the length and pattern violations of one value.
func (in *input) check(path, s string, minLen, maxLen int, p *pattern) {
	in.Errors.Len(path, s, minLen, maxLen)
	if p != nil && !p.re.MatchString(s) {
		in.Errors.Add(path, s, "Member must satisfy regular expression pattern: "+p.shown)
	}
}

// name reads a required IAM name member of at most maxLen characters.
func (in *input) name(key string, maxLen int) string {
	return in.requiredChecked(key, 1, maxLen, &patName)
}

// optName reads an optional IAM name member.
func (in *input) optName(key string, maxLen int) string {
	return in.optionalChecked(key, 1, maxLen, &patName)
}

// path reads an optional path member of the given pattern.
func (in *input) path(key string, p *pattern) string {
	return in.optionalChecked(key, 1, 512, p)
}

// document reads a required policy document member.
func (in *input) document(key string) string {
	return in.requiredChecked(key, 1, 131072, &patDocument)
}

// arn reads a required ARN member.
func (in *input) arn(key string) string {
	return in.requiredChecked(key, 20, 2048, nil)
}

// versionID reads a required policy version id.
func (in *input) versionID(key string) string {
	return in.requiredChecked(key, 0, -1, &patVersionID)
}

// integer reads an optional integer member within [minV, maxV].
func (in *input) integer(key string, minV, maxV int64) *int {
	s := in.Str(key)
	if s == nil {
		return nil
	}
	n, err := strconv.ParseInt(*s, 10, 32)
	if err != nil {
		in.Errors.Add(queryform.Member(key), *s, "Member must be an integer")
		return nil
	}
	in.Errors.Range(queryform.Member(key), &n, minV, maxV)
	v := int(n)
	return &v
}

// enum reads an optional enum member.
func (in *input) enum(key string, values ...string) string {
	s := in.Str(key)
	if s == nil {
		return ""
	}
	in.Errors.Enum(queryform.Member(key), *s, values...)
	return *s
}

// page reads Marker and MaxItems.
func (in *input) page() sandbox.Page {
	p := sandbox.Page{Marker: in.optionalChecked("Marker", 1, 320, &patMarker)}
	if n := in.integer("MaxItems", 1, 1000); n != nil {
		p.MaxItems = *n
	}
	return p
}

// tags reads a tag list member (Key.member.N.Key / .Value).
func (in *input) tags(key string) []sandbox.Tag {
	n := len(in.Indexes(key, "member"))
	in.Errors.Items(queryform.Member(key), n, 0, 50, fmt.Sprintf("[%d tags]", n))
	read := in.Tags(key, in.checker(1, 128, &patTagKey), in.checker(0, 256, &patTagValue))
	out := make([]sandbox.Tag, len(read))
	for i, t := range read {
		out[i] = sandbox.Tag(t)
	}
	return out
}

// checker checks a tag member's length and pattern.
func (in *input) checker(minLen, maxLen int, p *pattern) queryform.TagCheck {
	return func(path, s string) { in.check(path, s, minLen, maxLen, p) }
}

// tagKeys reads a list of tag keys.
func (in *input) tagKeys(key string) []string {
	keys := in.List(key)
	in.RequireList(key, len(keys))
	in.Errors.Items(queryform.Member(key), len(keys), 0, 50, keys)
	for i, k := range keys {
		in.check(validate.Member(queryform.Member(key), i, ""), k, 1, 128, &patTagKey)
	}
	return keys
}

// err returns the collected violations as IAM's ValidationError.
func (in *input) err() error {
	return in.Err(func(msg string) error { return sandbox.Err(sandbox.CodeValidationError, "%s", msg) })
}

// description reads the optional role Description member.
func (in *input) description() string {
	return in.optionalChecked("Description", 0, 1000, &patDescription)
}

// requiredTags reads a required tag list (the SDKs send "Tags=" for an
// empty one).
func (in *input) requiredTags(key string) []sandbox.Tag {
	tags := in.tags(key)
	in.RequireList(key, len(tags))
	return tags
}

// unsupported rejects a member Salve does not model.
func (in *input) unsupported(key, what string) {
	if s := in.Str(key); s != nil {
		in.Errors.Add(queryform.Member(key), *s, "Salve does not support "+what)
	}
}
