package s3

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

func TestWireCodes_HaveCodeAndStatus(t *testing.T) {
	t.Parallel()
	for from, wc := range wireCodes {
		require.NotEmpty(t, wc.code, from)
		require.GreaterOrEqual(t, wc.status, 400, from)
		doc := errorDocument(awserr.New(from, "m"), nil, errorContext{requestID: "r"})
		require.Equal(t, wc.code, doc.Code, from)
		require.Equal(t, wc.status, doc.status, from)
	}
}
