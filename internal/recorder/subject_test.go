package recorder

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSubject(t *testing.T) {
	t.Parallel()
	require.Equal(t, "a?b", subject("a\nb"))
	require.Equal(t, "caf?", subject("café"))
	long := subject(string(make([]byte, 150)))
	require.Len(t, long, 100)
}
