package ec2

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestGlob(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pattern, s string
		want       bool
	}{
		{"abc", "abc", true}, {"abc", "abd", false}, {"*", "", true}, {"*", "anything", true},
		{"a*c", "abbbc", true}, {"a*c", "abbb", false}, {"a?c", "abc", true}, {"a?c", "ac", false},
		{"*.0/16", "10.0.0.0/16", true}, {"10.*", "172.31.0.0/16", false}, {"[ab]", "a", false}, {"[ab]", "[ab]", true},
		{"**x", "yx", true}, {"a*b*c", "axxbyyc", true}, {"a*b*c", "axxcyyb", false},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, glob(tc.pattern, tc.s), "%q ~ %q", tc.pattern, tc.s)
	}
}
