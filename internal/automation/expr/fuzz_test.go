package expr_test

import (
	"strings"
	"testing"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
)

// FuzzResolve feeds arbitrary strings to Resolve, alone and inside a list
// and a map: it must never panic, text without "{{" comes back unchanged,
// and the lexer's segments always join back to the input.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"{{ InstanceId }}", "PT{{ StabilizationPeriod }}S", "{{x}}", "{{ {{x}} }}",
		"{{ global:DATE_TIME }}", "{{ Nope.Out }}-{{variable:NextToken}}", "{{", "}}{{", "{{{GroupId}}}", "{{ ssm:/a }}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var joined strings.Builder
		for _, seg := range automation.Lex(s) {
			joined.WriteString(seg.Text)
		}
		if joined.String() != s {
			t.Fatalf("Lex(%q) joins to %q", s, joined.String())
		}
		got, err := expr.Resolve(s, testEnv())
		if !strings.Contains(s, "{{") && (err != nil || got != s) {
			t.Fatalf("Resolve(%q) = %#v, %v; want the input unchanged", s, got, err)
		}
		_, listErr := expr.Resolve([]any{s, map[string]any{"k": s}}, testEnv())
		if (err == nil) != (listErr == nil) {
			t.Fatalf("Resolve(%q) errs %v alone but %v in a list", s, err, listErr)
		}
	})
}
