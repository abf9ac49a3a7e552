package ec2

import (
	"strconv"
	"strings"
)

// Filter is one Filter.N of a Describe call: the resource matches when one
// of its values for Name matches one of Values (* and ? are wildcards).
type Filter struct {
	Name   string
	Values []string
}

// filterSet maps the filter names a Describe call accepts to the values a
// resource has for each; "tag:<key>", "tag-key" and "tag-value" come with
// every set through its tags accessor.
type filterSet[T any] struct {
	fields map[string]func(*T) []string
	tags   func(*T) []Tag
}

// compile checks every filter name and returns the predicate they make
// together (all filters must match).
func (fs filterSet[T]) compile(filters []Filter) (func(*T) bool, error) {
	preds := make([]func(*T) bool, 0, len(filters))
	for _, f := range filters {
		values, err := fs.valuesOf(f.Name)
		if err != nil {
			return nil, err
		}
		want := f.Values
		preds = append(preds, func(r *T) bool { return anyMatch(values(r), want) })
	}
	return func(r *T) bool {
		for _, p := range preds {
			if !p(r) {
				return false
			}
		}
		return true
	}, nil
}

// valuesOf returns the accessor of one filter name.
func (fs filterSet[T]) valuesOf(name string) (func(*T) []string, error) {
	if get, ok := fs.fields[name]; ok {
		return get, nil
	}
	if fs.tags != nil {
		if key, ok := strings.CutPrefix(name, "tag:"); ok {
			return func(r *T) []string { return tagValues(fs.tags(r), key) }, nil
		}
		switch name {
		case "tag-key":
			return func(r *T) []string { return tagKeys(fs.tags(r)) }, nil
		case "tag-value":
			return func(r *T) []string { return tagValues(fs.tags(r), "") }, nil
		}
	}
	return nil, Error(CodeInvalidParameterValue, "The filter '%s' is invalid", name)
}

func tagValues(tags []Tag, key string) []string {
	var out []string
	for _, t := range tags {
		if key == "" || t.Key == key {
			out = append(out, t.Value)
		}
	}
	return out
}

func tagKeys(tags []Tag) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		out = append(out, t.Key)
	}
	return out
}

// anyMatch reports whether one of have matches one of the patterns.
func anyMatch(have, patterns []string) bool {
	for _, h := range have {
		for _, p := range patterns {
			if glob(p, h) {
				return true
			}
		}
	}
	return false
}

// glob matches s against a pattern where * is any run and ? any one
// character (EC2 filter wildcards; nothing else is special).
func glob(pattern, s string) bool {
	px, sx := 0, 0
	starP, starS := -1, 0
	for sx < len(s) {
		switch {
		case px < len(pattern) && (pattern[px] == '?' || pattern[px] == s[sx]):
			px, sx = px+1, sx+1
		case px < len(pattern) && pattern[px] == '*':
			starP, starS = px, sx
			px++
		case starP >= 0:
			starS++
			px, sx = starP+1, starS
		default:
			return false
		}
	}
	for px < len(pattern) && pattern[px] == '*' {
		px++
	}
	return px == len(pattern)
}

// one wraps a single value as a filter's value list.
func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// boolValue renders a flag as filters compare it.
func boolValue(b bool) []string { return []string{strconv.FormatBool(b)} }

// intValue renders a number as filters compare it.
func intValue(n int32) []string { return []string{strconv.Itoa(int(n))} }
