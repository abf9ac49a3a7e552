package policydoc

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStringList(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   any
		want []string
		ok   bool
	}{
		{"s3:GetObject", []string{"s3:GetObject"}, true},
		{[]any{"a", "b"}, []string{"a", "b"}, true},
		{[]any{}, []string{}, true},
		{[]any{"a", 1.0}, nil, false},
		{map[string]any{"AWS": "*"}, nil, false},
		{nil, nil, false},
	}
	for _, c := range cases {
		got, ok := StringList(c.in)
		require.Equal(t, c.ok, ok, "%v", c.in)
		require.Equal(t, c.want, got, "%v", c.in)
	}
}
