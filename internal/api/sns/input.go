package sns

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"

	"github.com/salvehq/salve/internal/awsproto/queryform"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

// input reads the members of a Query request. Missing required members
// are collected into one ValidationError; values SNS itself judges are
// checked by the domain (InvalidParameter).
type input struct {
	queryform.Form
}

func newInput(form url.Values) *input { return &input{Form: queryform.Form{Values: form}} }

// required returns a required member, "" (and its absence recorded) when
// the form lacks it.
func (in *input) required(key string) string {
	s, _ := in.Required(key)
	return s
}

// boolean reads an optional boolean member, false when absent or not a
// boolean (recorded).
func (in *input) boolean(key string) bool {
	b := in.Bool(key)
	return b != nil && *b
}

// messageAttributes reads MessageAttributes (Key.entry.N.Name and
// Key.entry.N.Value.DataType / StringValue / BinaryValue, base64).
func (in *input) messageAttributes(key string) map[string]sandbox.MessageAttribute {
	idx := in.Indexes(key, "entry")
	if len(idx) == 0 {
		return nil
	}
	out := make(map[string]sandbox.MessageAttribute, len(idx))
	for _, n := range idx {
		base := fmt.Sprintf("%s.entry.%d.", key, n)
		a := sandbox.MessageAttribute{DataType: in.Get(base + "Value.DataType"), StringValue: in.Get(base + "Value.StringValue")}
		if b := in.Str(base + "Value.BinaryValue"); b != nil {
			raw, err := base64.StdEncoding.DecodeString(*b)
			if err != nil {
				in.Errors.Add(queryform.Member(key)+".entry."+strconv.Itoa(n)+".value.binaryValue", *b, "Member must be base64-encoded")
			}
			a.BinaryValue = raw
		}
		out[in.Get(base+"Name")] = a
	}
	return out
}

// tags reads a tag list (Key.member.N.Key / .Value); required members of
// each tag are checked here, their content by the domain.
func (in *input) tags(key string) []sandbox.Tag {
	read := in.Tags(key, nil, nil)
	out := make([]sandbox.Tag, len(read))
	for i, t := range read {
		out[i] = sandbox.Tag(t)
	}
	return out
}

// err returns the collected violations as SNS's ValidationError.
func (in *input) err() error {
	return in.Err(func(msg string) error { return sandbox.Err(sandbox.CodeValidationError, "%s", msg) })
}
