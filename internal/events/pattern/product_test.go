package pattern

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPattern_ProductNonCompliantS3Encryption runs the workshop's §5.3 A
// pattern against AWS's "Config Rules Compliance Change" event shape.
func TestPattern_ProductNonCompliantS3Encryption(t *testing.T) {
	t.Parallel()
	p, err := Compile(readTestdata(t, "product_5_3_pattern.json"))
	require.NoError(t, err)
	event := readTestdata(t, "config_compliance_change_noncompliant.json")

	ok, err := p.Match([]byte(event))
	require.NoError(t, err)
	require.True(t, ok, "the product's pattern selects a NON_COMPLIANT result of its rule")

	cases := []struct {
		name   string
		change func(e, detail map[string]any)
		want   bool
	}{
		{"FirstEvaluationHasNoOldResult", func(_, d map[string]any) { delete(d, "oldEvaluationResult") }, true},
		{"BackToCompliant", func(_, d map[string]any) { newResult(d)["complianceType"] = "COMPLIANT" }, false},
		{"NotApplicable", func(_, d map[string]any) { newResult(d)["complianceType"] = "NOT_APPLICABLE" }, false},
		{"OtherRule", func(_, d map[string]any) { d["configRuleName"] = "S3_BUCKET_VERSIONING_ENABLED" }, false},
		{"OtherSource", func(e, _ map[string]any) { e["source"] = "aws.securityhub" }, false},
		{"ConfigurationItemChange", func(e, _ map[string]any) { e["detail-type"] = "Config Configuration Item Change" }, false},
		{"NoNewResult", func(_, d map[string]any) { delete(d, "newEvaluationResult") }, false},
		{"OldResultIsNotConsidered", func(_, d map[string]any) {
			d["oldEvaluationResult"].(map[string]any)["complianceType"] = "NON_COMPLIANT"
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := DecodeEvent([]byte(event))
			require.NoError(t, err)
			tc.change(e, e["detail"].(map[string]any))
			require.Equal(t, tc.want, p.MatchValue(e))
		})
	}
}

// TestPattern_ConfigEventRicherPatterns exercises operators on the same
// event the way users narrow the product's rule.
func TestPattern_ConfigEventRicherPatterns(t *testing.T) {
	t.Parallel()
	event := readTestdata(t, "config_compliance_change_noncompliant.json")
	runMatchCases(t, []matchCase{
		{"ResourceTypePrefix", `{"detail":{"resourceType":[{"prefix":"AWS::S3::"}]}}`, event, true},
		{"NotComplianceOfOtherRegions", `{"detail":{"awsRegion":[{"anything-but":{"prefix":"eu-"}}]}}`, event, true},
		{"QualifierDeepInside", `{"detail":{"newEvaluationResult":{"evaluationResultIdentifier":{` +
			`"evaluationResultQualifier":{"resourceId":[{"wildcard":"salve-*-unencrypted"}]}}}}}`, event, true},
		{"AnnotationPresent", `{"detail":{"newEvaluationResult":{"annotation":[{"exists":true}]}}}`, event, true},
		{"ResultTokenAbsent", `{"detail":{"newEvaluationResult":{"resultToken":[{"exists":false}]}}}`, event, true},
		{"EmptyResources", `{"resources":[{"exists":true}]}`, event, false},
		{"TurnedNonCompliant", `{"detail":{"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]},` +
			`"oldEvaluationResult":{"complianceType":[{"anything-but":"NON_COMPLIANT"}]}}}`, event, true},
		{"AccountAsNumberDoesNotMatchString", `{"account":[123456789012]}`, event, false},
	})
}

func newResult(detail map[string]any) map[string]any {
	return detail["newEvaluationResult"].(map[string]any)
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(b)
}
