package selector

import (
	"slices"
)

// segment is one step of a path: a set of selectors applied to each node,
// or to each node and all its descendants when deep is set.
type segment struct {
	deep  bool
	items []item
}

// item selects children of one node, appending them to out. root is the
// whole document, which filters may refer to with $.
type item interface {
	apply(node, root any, out []any) []any
}

// definite reports whether the segment selects at most one child.
func (s segment) definite() bool {
	if s.deep || len(s.items) != 1 {
		return false
	}
	switch s.items[0].(type) {
	case nameItem, indexItem:
		return true
	}
	return false
}

// apply runs the segment over every node, keeping document order.
func (s segment) apply(nodes []any, root any) []any {
	var out []any
	for _, n := range nodes {
		if s.deep {
			out = s.applyDeep(n, root, out)
			continue
		}
		for _, it := range s.items {
			out = it.apply(n, root, out)
		}
	}
	return out
}

// applyDeep applies the items to n, then to each descendant in pre-order.
func (s segment) applyDeep(n, root any, out []any) []any {
	for _, it := range s.items {
		out = it.apply(n, root, out)
	}
	for _, c := range children(n) {
		out = s.applyDeep(c, root, out)
	}
	return out
}

// children lists the direct children of a list or map (maps in key order).
func children(n any) []any {
	switch v := n.(type) {
	case []any:
		return v
	case map[string]any:
		out := make([]any, 0, len(v))
		for _, k := range sortedKeys(v) {
			out = append(out, v[k])
		}
		return out
	}
	return nil
}

// sortedKeys returns m's keys in order, so map traversal is deterministic.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// nameItem selects a map member.
type nameItem struct{ name string }

func (it nameItem) apply(node, _ any, out []any) []any {
	if m, ok := node.(map[string]any); ok {
		if v, ok := m[it.name]; ok {
			out = append(out, v)
		}
	}
	return out
}

// indexItem selects a list element; negative indexes count from the end.
type indexItem struct{ index int }

func (it indexItem) apply(node, _ any, out []any) []any {
	list, ok := node.([]any)
	if !ok {
		return out
	}
	i := it.index
	if i < 0 {
		i += len(list)
	}
	if i >= 0 && i < len(list) {
		out = append(out, list[i])
	}
	return out
}

// wildcardItem selects every element of a list or member value of a map.
type wildcardItem struct{}

func (wildcardItem) apply(node, _ any, out []any) []any {
	return append(out, children(node)...)
}

// sliceItem selects list elements start:end:step with RFC 9535 semantics.
type sliceItem struct {
	start, end *int
	step       int
}

func (it sliceItem) apply(node, _ any, out []any) []any {
	list, ok := node.([]any)
	if !ok || it.step == 0 {
		return out
	}
	lower, upper := it.bounds(len(list))
	// The break tests stop before i += step could overflow.
	if it.step > 0 {
		for i := lower; i < upper; i += it.step {
			out = append(out, list[i])
			if it.step >= upper-i {
				break
			}
		}
		return out
	}
	for i := upper; lower < i; i += it.step {
		out = append(out, list[i])
		if it.step <= lower-i {
			break
		}
	}
	return out
}

// bounds normalises the slice against a list of length n (RFC 9535 2.3.4.2).
func (it sliceItem) bounds(n int) (lower, upper int) {
	norm := func(p *int, def int) int {
		if p == nil {
			return def
		}
		if *p < 0 {
			return n + *p
		}
		return *p
	}
	if it.step > 0 {
		return clamp(norm(it.start, 0), 0, n), clamp(norm(it.end, n), 0, n)
	}
	start, end := norm(it.start, n-1), norm(it.end, -n-1)
	return clamp(end, -1, n-1), clamp(start, -1, n-1)
}

// clamp limits v to [lo, hi].
func clamp(v, lo, hi int) int {
	return min(max(v, lo), hi)
}

// filterItem selects the children for which the test holds.
type filterItem struct{ test test }

func (it filterItem) apply(node, root any, out []any) []any {
	for _, c := range children(node) {
		if it.test.eval(c, root) {
			out = append(out, c)
		}
	}
	return out
}
