package events

import (
	"errors"
	"strconv"
	"strings"
)

// jsonPath is a parsed JSON path of the subset EventBridge evaluates:
// $ followed by .name, ['name'], [index], [*] or .* steps.
type jsonPath []pathStep

// pathStep is one step: a member name, an array index, or a wildcard.
type pathStep struct {
	name     string
	index    int
	isIndex  bool
	wildcard bool
}

var errBadPath = errors.New("not a valid JSON path")

// parseJSONPath parses p ("$", "$.detail.resourceId", "$.resources[0]").
func parseJSONPath(p string) (jsonPath, error) {
	rest, ok := strings.CutPrefix(p, "$")
	if !ok {
		return nil, errBadPath
	}
	var path jsonPath
	for rest != "" {
		step, n, err := nextStep(rest)
		if err != nil {
			return nil, err
		}
		path, rest = append(path, step), rest[n:]
	}
	return path, nil
}

// nextStep parses the step at the start of s and returns its length.
func nextStep(s string) (pathStep, int, error) {
	switch s[0] {
	case '.':
		end := strings.IndexAny(s[1:], ".[")
		if end < 0 {
			end = len(s) - 1
		}
		name := s[1 : 1+end]
		if name == "" {
			return pathStep{}, 0, errBadPath
		}
		return pathStep{name: name, wildcard: name == "*"}, 1 + end, nil
	case '[':
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return pathStep{}, 0, errBadPath
		}
		step, err := bracketStep(s[1:end])
		return step, end + 1, err
	}
	return pathStep{}, 0, errBadPath
}

func bracketStep(in string) (pathStep, error) {
	if in == "*" {
		return pathStep{wildcard: true}, nil
	}
	if len(in) >= 2 && (in[0] == '\'' || in[0] == '"') && in[len(in)-1] == in[0] {
		return pathStep{name: in[1 : len(in)-1]}, nil
	}
	i, err := strconv.Atoi(in)
	if err != nil || i < 0 {
		return pathStep{}, errBadPath
	}
	return pathStep{index: i, isIndex: true}, nil
}

// eval returns the value the path selects in v (a decoded JSON value) and
// whether it exists. A path with a wildcard selects the list of matches.
func (p jsonPath) eval(v any) (any, bool) {
	cur := []any{v}
	multi := false
	for _, step := range p {
		var next []any
		for _, c := range cur {
			next = append(next, step.apply(c)...)
		}
		cur, multi = next, multi || step.wildcard
	}
	if multi {
		if cur == nil {
			cur = []any{}
		}
		return cur, true
	}
	if len(cur) == 0 {
		return nil, false
	}
	return cur[0], true
}

// apply returns the values one step selects in v.
func (s pathStep) apply(v any) []any {
	switch x := v.(type) {
	case map[string]any:
		if s.wildcard {
			out := make([]any, 0, len(x))
			for _, e := range x {
				out = append(out, e)
			}
			return out
		}
		if e, ok := x[s.name]; ok && !s.isIndex {
			return []any{e}
		}
	case []any:
		if s.wildcard {
			return x
		}
		if s.isIndex && s.index < len(x) {
			return []any{x[s.index]}
		}
	}
	return nil
}
