package managed

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCatalogue pins the catalogue: every rule is named, triggered, typed
// and documented the way the evaluator relies on.
func TestCatalogue(t *testing.T) {
	t.Parallel()
	ids := Identifiers()
	require.Len(t, ids, 27)
	require.IsIncreasing(t, ids)
	name := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, id := range ids {
		r := mustRule(t, id)
		require.Equal(t, id, r.Identifier)
		require.Regexp(t, name, r.Name, id)
		require.True(t, r.ChangeTriggered || r.Periodic, "%s has a trigger", id)
		require.NotEqual(t, r.EvaluateItem == nil, r.EvaluateAccount == nil, "%s has exactly one evaluator", id)
		if r.ChangeTriggered {
			require.NotNil(t, r.EvaluateItem, "%s: change-triggered rules judge items", id)
			require.NotEmpty(t, r.ResourceTypes, "%s: change-triggered rules name their types", id)
		}
		seen := map[string]bool{}
		for _, p := range r.Params {
			require.False(t, seen[p.Name], "%s: parameter %s twice", id, p.Name)
			seen[p.Name] = true
			require.Contains(t, []string{TypeString, TypeInt, TypeCSV, TypeBoolean}, p.Type, "%s.%s", id, p.Name)
		}
		_, err := ParseParams(r, "")
		hasRequired := false
		for _, p := range r.Params {
			hasRequired = hasRequired || p.Required
		}
		require.Equal(t, hasRequired, err != nil, "%s: empty InputParameters fail only for rules with required parameters", id)
	}
	_, ok := Lookup("ROOT_ACCOUNT_MFA_ENABLED")
	require.False(t, ok)
}

func TestCatalogue_NamesDifferingFromIdentifiers(t *testing.T) {
	t.Parallel()
	for id, name := range map[string]string{
		"INCOMING_SSH_DISABLED":            "restricted-ssh",
		"RESTRICTED_INCOMING_TRAFFIC":      "restricted-common-ports",
		"CLOUD_TRAIL_ENABLED":              "cloudtrail-enabled",
		"MULTI_REGION_CLOUD_TRAIL_ENABLED": "multi-region-cloudtrail-enabled",
	} {
		require.Equal(t, name, mustRule(t, id).Name)
	}
}

func TestRegister_RejectsBadRules(t *testing.T) {
	t.Parallel()
	require.Panics(t, func() {
		register(&Rule{Identifier: "S3_BUCKET_VERSIONING_ENABLED", EvaluateItem: evaluateBucketVersioning})
	})
	require.Panics(t, func() { register(&Rule{Identifier: "NO_EVALUATOR"}) })
}

func TestRule_AppliesToAndParam(t *testing.T) {
	t.Parallel()
	r := mustRule(t, "REQUIRED_TAGS")
	require.True(t, r.AppliesTo("AWS::S3::Bucket"))
	require.False(t, r.AppliesTo("AWS::SNS::Topic"))
	p, ok := r.Param("tag1Key")
	require.True(t, ok)
	require.True(t, p.Required)
	require.Equal(t, "CostCenter", p.Default)
	_, ok = r.Param("tag7Key")
	require.False(t, ok)
}
