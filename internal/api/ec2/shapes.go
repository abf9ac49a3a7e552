package ec2

import (
	"fmt"
	"time"

	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

// This file holds the wire shapes several operations share: request
// members (filters, tags, pages) and the XML of answers. Element names
// are the model's locationNames.

// filterIn is one Filter.N.
type filterIn struct {
	Name   string   `ec2:"Name"`
	Values []string `ec2:"Value"`
}

// tagIn is one Tag.N.
type tagIn struct {
	Key   *string `ec2:"Key"`
	Value *string `ec2:"Value"`
}

// tagSpecIn is one TagSpecification.N.
type tagSpecIn struct {
	ResourceType string  `ec2:"ResourceType"`
	Tags         []tagIn `ec2:"Tag"`
}

// pageIn are the paging members of a Describe call.
type pageIn struct {
	MaxResults *int32 `ec2:"MaxResults"`
	NextToken  string `ec2:"NextToken"`
}

// check validates MaxResults against the operation's bounds.
func (p *pageIn) check(lo, hi int32) error {
	if p.MaxResults != nil && (*p.MaxResults < lo || *p.MaxResults > hi) {
		return sandbox.Error(sandbox.CodeInvalidParameterValue,
			"Value ( %d ) for parameter maxResults is invalid. Parameter must be between %d and %d.", *p.MaxResults, lo, hi)
	}
	return nil
}

// page converts the paging members.
func (p *pageIn) page() sandbox.Page {
	out := sandbox.Page{NextToken: p.NextToken}
	if p.MaxResults != nil {
		out.MaxResults = *p.MaxResults
	}
	return out
}

func filters(in []filterIn) []sandbox.Filter {
	out := make([]sandbox.Filter, 0, len(in))
	for _, f := range in {
		out = append(out, sandbox.Filter{Name: f.Name, Values: f.Values})
	}
	return out
}

func tags(in []tagIn) []sandbox.Tag {
	out := make([]sandbox.Tag, 0, len(in))
	for _, t := range in {
		out = append(out, sandbox.Tag{Key: deref(t.Key), Value: deref(t.Value)})
	}
	return out
}

func tagSpecs(in []tagSpecIn) []sandbox.TagSpec {
	out := make([]sandbox.TagSpec, 0, len(in))
	for _, s := range in {
		out = append(out, sandbox.TagSpec{ResourceType: s.ResourceType, Tags: tags(s.Tags)})
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// enum checks an optional value against its allowed values.
func enum(param, value string, allowed ...string) error {
	if value == "" {
		return nil
	}
	for _, a := range allowed {
		if a == value {
			return nil
		}
	}
	return sandbox.InvalidValue(param, value, fmt.Sprintf("Valid values are %v.", allowed))
}

// set is an XML list: <name><item>…</item></name>.
type set[T any] struct {
	Items []T `xml:"item"`
}

func setOf[T any](items []T) set[T] { return set[T]{Items: items} }

// mapSet converts each element into a set.
func mapSet[S, T any](in []S, fn func(S) T) set[T] {
	out := make([]T, 0, len(in))
	for _, s := range in {
		out = append(out, fn(s))
	}
	return set[T]{Items: out}
}

type tagXML struct {
	Key   string `xml:"key"`
	Value string `xml:"value"`
}

// tagSet renders tags, or nothing for none (AWS leaves tagSet out).
func tagSet(tags []sandbox.Tag) *set[tagXML] {
	if len(tags) == 0 {
		return nil
	}
	s := mapSet(tags, func(t sandbox.Tag) tagXML { return tagXML{t.Key, t.Value} })
	return &s
}

// isoTime renders a timestamp as EC2 does.
func isoTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// returnXML is the answer of calls that report only success.
type returnXML struct {
	Return bool `xml:"return"`
}
