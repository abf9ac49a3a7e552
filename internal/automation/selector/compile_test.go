package selector_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/selector"
)

func TestCompile_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		expr   string
		column int
		msg    string
	}{
		{"Empty", "", 1, "expected '$' or a member name, found end of selector"},
		{"Blank", "   ", 4, "expected '$' or a member name"},
		{"TrailingDot", "$.a.", 5, "expected a member name or '*', found end of selector"},
		{"DoubleDollar", "$$", 2, "expected '.', '..' or '['"},
		{"DollarThenName", "$a", 2, "expected '.', '..' or '['"},
		{"StartsWithAt", "@.a", 1, "expected '$' or a member name"},
		{"UnclosedBracket", "$.a[0", 6, "expected ',' or ']', found end of selector"},
		{"EmptyBracket", "$.a[]", 5, "expected an index, '*', a quoted name, a slice or a filter, found ']'"},
		{"BareNameInBracket", "$[a]", 3, "expected an index, '*', a quoted name, a slice or a filter"},
		{"MinusAlone", "$.a[-]", 6, "expected a digit"},
		{"IndexTooBig", "$.a[99999999999999999999]", 5, "expected an integer that fits in 64 bits"},
		{"UnterminatedString", "$['abc", 3, "expected a closing ' for this string"},
		{"BadEscape", `$['a\q']`, 6, `expected an escape`},
		{"SpaceBetweenSegments", "$.a .b", 5, "expected '.', '..' or '['"},
		{"SingleEquals", "$.a[?(@.k = 'v')]", 11, "expected '==' (a single '=' is not a comparison)"},
		{"LiteralAlone", "$.a[?('v')]", 10, "expected a comparison operator after a literal"},
		{"MissingOperand", "$.a[?(@.k == )]", 14, "expected '@', '$', a string, a number, true, false or null"},
		{"UnclosedParen", "$.a[?(@.k == 1]", 15, "expected ')'"},
		{"UnclosedFilter", "$.a[?(@.k == 1)", 16, "expected ',' or ']'"},
		{"IndefiniteComparison", "$.a[?(@.b[*] == 1)]", 7, "expected a definite path (members and indexes only) in a comparison"},
		{"BadNumber", "$.a[?(@.k == 1.2.3)]", 14, "expected a number"},
		{"DanglingAnd", "$.a[?(@.k &&)]", 13, "expected '@', '$', a string, a number, true, false or null"},
		{"KeywordPrefix", "$.a[?(@.k == truex)]", 14, "expected '@', '$', a string, a number, true, false or null"},
		{"TooManyFilters", "$" + strings.Repeat("[?@", 33) + strings.Repeat("]", 33), 100, "expected at most 32 levels of nesting"},
		{"TooDeep", "$.a[?" + strings.Repeat("(", 40) + "@.k" + strings.Repeat(")", 40) + "]", 37, "expected at most 32 levels of nesting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := selector.Compile(tt.expr)
			require.Nil(t, s)
			var ce *selector.CompileError
			require.True(t, errors.As(err, &ce), "want *CompileError, got %v", err)
			require.Equal(t, tt.expr, ce.Selector)
			require.Contains(t, err.Error(), tt.msg)
			require.Equal(t, tt.column, ce.Offset+1, err.Error())
		})
	}
}

func TestCompileError_Error(t *testing.T) {
	t.Parallel()
	_, err := selector.Compile("$.Reservations[0.Instances")
	require.EqualError(t, err, `selector "$.Reservations[0.Instances": column 17: expected ',' or ']', found '.'`)
}

func TestMustCompile(t *testing.T) {
	t.Parallel()
	require.Equal(t, "$.a[0]", selector.MustCompile("$.a[0]").String())
	require.Panics(t, func() { selector.MustCompile("$[") })
}
