package store_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

func TestKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		parts []string
		want  string
	}{
		{"One", []string{"rule"}, "rule"},
		{"Several", []string{"acct", "us-east-1", "rule"}, "acct/us-east-1/rule"},
		{"Empty", []string{""}, ""},
		{"EmptyParts", []string{"", "", ""}, "//"},
		{"Slash", []string{"a/b", "c"}, "a%2Fb/c"},
		{"Percent", []string{"100%", "x"}, "100%25/x"},
		{"LooksEscaped", []string{"%2F", "%25"}, "%252F/%2525"},
		{"Unicode", []string{"é", "日本"}, "é/日本"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := store.Key(tc.parts...)
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.parts, store.SplitKey(got))
		})
	}
}

// FuzzKey checks that SplitKey reverses Key and that a key's parts never
// spill: the key of a tuple, plus "/", prefixes the key of every longer
// tuple that starts with it, and of no other.
func FuzzKey(f *testing.F) {
	f.Add("a", "b", "c")
	f.Add("a/b", "%", "%2F")
	f.Add("", "/", "%25")
	f.Add("x%", "2F", "")
	f.Add("\xff\x00", "é", "//%%")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, parts := range [][]string{{a}, {a, b}, {a, b, c}} {
			key := store.Key(parts...)
			require.Equal(t, parts, store.SplitKey(key))
			require.Equal(t, len(parts)-1, strings.Count(key, "/"), "only separators are slashes")
		}
		prefix := store.Key(a) + "/"
		require.True(t, strings.HasPrefix(store.Key(a, b, c), prefix))
		if b != a {
			require.False(t, strings.HasPrefix(store.Key(b, c), prefix), "Key(%q, …) under prefix of %q", b, a)
		}
	})
}
