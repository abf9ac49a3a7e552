package pagetoken

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestToken_RoundTripAndRejects(t *testing.T) {
	t.Parallel()
	tok := Encode("DescribeConfigRules", "rule/with%odd chars")
	after, err := Decode("DescribeConfigRules", tok)
	require.NoError(t, err)
	require.Equal(t, "rule/with%odd chars", after)

	for name, bad := range map[string]string{
		"OtherList": Encode("ListDocuments", "x"),
		"NotBase64": "!!!",
		"NotJSON":   "bm90IGpzb24",
		"EmptyKey":  Encode("DescribeConfigRules", ""),
	} {
		_, err := Decode("DescribeConfigRules", bad)
		require.ErrorIs(t, err, ErrInvalid, name)
	}
}
