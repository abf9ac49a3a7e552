package selector_test

import (
	"errors"
	"testing"

	"github.com/salvehq/salve/internal/automation/selector"
)

// FuzzCompile feeds arbitrary expressions to Compile: it must never panic,
// every failure must be a *CompileError pointing inside (or just past) the
// text, and a compiled selector must select from a fixed document without
// panicking, returning exactly one value when definite.
func FuzzCompile(f *testing.F) {
	for _, seed := range []string{
		"$", "$.a.b", "a.b", "$['a b']", "$.a[0]", "$.a[-1]", "$.a[*]", "$.a.*", "$..b", "$.a[1:3]",
		"$.a[::-1]", "$.a[0,1]", "$.a[?(@.k == 'v')]", "$.a[?@.k > 1 && !(@.j) || @ != null]",
		"$.Reservations[0].Instances[0].State.Name", "$..[?(@.Key=='Name')].Value", `$["\u00e9"]`,
	} {
		f.Add(seed)
	}
	doc := decode(f, describeInstances)
	f.Fuzz(func(t *testing.T, expr string) {
		s, err := selector.Compile(expr)
		if err != nil {
			var ce *selector.CompileError
			if !errors.As(err, &ce) || ce.Offset < 0 || ce.Offset > len(expr) {
				t.Fatalf("bad compile error for %q: %v", expr, err)
			}
			return
		}
		values, found := s.Select(doc)
		if found != (len(values) > 0) {
			t.Fatalf("%q: found=%v with %d values", expr, found, len(values))
		}
		if s.Definite() && len(values) > 1 {
			t.Fatalf("%q is definite but selected %d values", expr, len(values))
		}
		_ = selector.MatchesDesired(values, s.Definite(), []string{"running"})
		for _, typ := range []string{"String", "StringList", "MapList"} {
			_, _ = selector.Convert(values, s.Definite(), typ)
		}
	})
}
