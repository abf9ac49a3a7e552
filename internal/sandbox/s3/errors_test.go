package s3

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

// requireCode asserts err is an AWS error with code.
func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	ae, ok := awserr.As(err)
	require.True(t, ok, "not an AWS error: %v", err)
	require.Equal(t, code, ae.Code)
}

func TestCodes_HaveStatusAndMessage(t *testing.T) {
	t.Parallel()
	require.NotEmpty(t, Codes())
	for _, c := range Codes() {
		e := Err(c)
		require.NotEmpty(t, e.Message, c)
		require.GreaterOrEqual(t, e.HTTPStatus(), 400, c)
		require.Less(t, e.HTTPStatus(), 600, c)
	}
}

func TestArgumentError_Unwraps(t *testing.T) {
	t.Parallel()
	err := invalidArgument("x-amz-acl", "bad", "bad %s", "acl")
	requireCode(t, err, CodeInvalidArgument)
	require.Equal(t, "InvalidArgument: bad acl", err.Error())
}
