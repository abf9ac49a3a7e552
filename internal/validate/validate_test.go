package validate

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

func TestErrors_AWSWording(t *testing.T) {
	t.Parallel()
	var v Errors
	require.NoError(t, v.Err(), "no violation, no error")

	v.Len("configRuleName", "abcd", 1, 3)
	e, ok := awserr.As(v.Err())
	require.True(t, ok)
	require.Equal(t, awserr.ValidationException, e.Code)
	require.Equal(t, "1 validation error detected: Value 'abcd' at 'configRuleName' failed to satisfy constraint: "+
		"Member must have length less than or equal to 3", e.Message)

	n := int64(0)
	v.Range(memberPath(), &n, 1, 25)
	v.Required("resourceKeys", false)
	v.Enum("targetType", "X", "SSM_DOCUMENT")
	v.Pattern("name", " ", `.*\S.*`)
	e, _ = awserr.As(v.Err())
	require.Equal(t, "5 validation errors detected: "+
		"Value 'abcd' at 'configRuleName' failed to satisfy constraint: Member must have length less than or equal to 3; "+
		"Value '0' at 'remediationConfigurations.2.member.maximumAutomaticAttempts' failed to satisfy constraint: Member must have value greater than or equal to 1; "+
		"Value null at 'resourceKeys' failed to satisfy constraint: Member must not be null; "+
		"Value 'X' at 'targetType' failed to satisfy constraint: Member must satisfy enum value set: [SSM_DOCUMENT]; "+
		"Value ' ' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\\S.*", e.Message)
}

func memberPath() string { return Member("remediationConfigurations", 1, "maximumAutomaticAttempts") }

func TestMatches_IsAnchored(t *testing.T) {
	t.Parallel()
	require.True(t, Matches(`[a-z]+`, "abc"))
	require.False(t, Matches(`[a-z]+`, "abc1"), "the whole value must match")
	require.False(t, Matches(`.*\S.*`, "   "))
	require.True(t, Matches(`a|b`, "b"), "alternation is grouped before anchoring")
	require.False(t, Matches(`a|b`, "ab"))
}
