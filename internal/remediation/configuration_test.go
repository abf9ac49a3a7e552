package remediation

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/documents"
)

func TestConfiguration_WithDefaults(t *testing.T) {
	t.Parallel()
	got := Configuration{}.withDefaults()
	require.EqualValues(t, 5, got.MaximumAutomaticAttempts)
	require.EqualValues(t, 60, got.RetryAttemptSeconds)
	require.EqualValues(t, 10, got.ConcurrentExecutionRatePercentage)
	require.EqualValues(t, 50, got.ErrorPercentage)

	set := Configuration{MaximumAutomaticAttempts: 3, RetryAttemptSeconds: 600, ConcurrentExecutionRatePercentage: 100, ErrorPercentage: 1}
	require.Equal(t, set, set.withDefaults(), "given values are kept")
}

func TestConfiguration_ResolveParameters(t *testing.T) {
	t.Parallel()
	c := &Configuration{Parameters: map[string]ParameterValue{
		"BucketName": {ResourceValue: ResourceIDValue},
		"Algorithm":  {StaticValues: []string{"AES256"}},
		"Empty":      {StaticValues: []string{}},
	}}
	got := c.ResolveParameters("my-bucket")
	require.Equal(t, map[string][]string{"BucketName": {"my-bucket"}, "Algorithm": {"AES256"}, "Empty": {}}, got)
	got["Algorithm"][0] = "changed"
	require.Equal(t, "AES256", c.Parameters["Algorithm"].StaticValues[0], "resolved values are copies")
}

func TestCheckParameters(t *testing.T) {
	t.Parallel()
	doc := &documents.Document{Name: "Fix", Parameters: []documents.Parameter{
		{Name: "BucketName", Type: "String"},
		{Name: "SSEAlgorithm", Type: "String", HasDefault: true},
		{Name: "AutomationAssumeRole", Type: "String", HasDefault: true},
	}}
	role := ParameterValue{StaticValues: []string{"arn:aws:iam::123456789012:role/R"}}
	bucket := ParameterValue{ResourceValue: ResourceIDValue}
	tests := []struct {
		name      string
		automatic bool
		params    map[string]ParameterValue
		want      string
	}{
		{"ManualMinimal", false, map[string]ParameterValue{"BucketName": bucket}, ""},
		{"AutomaticWithRole", true, map[string]ParameterValue{"BucketName": bucket, "AutomationAssumeRole": role}, ""},
		{"AutomaticWithoutRole", true, map[string]ParameterValue{"BucketName": bucket}, "Automatic remediation needs the AutomationAssumeRole"},
		{"AutomaticWithEmptyRole", true, map[string]ParameterValue{"BucketName": bucket, "AutomationAssumeRole": {StaticValues: []string{}}}, "Automatic remediation needs the AutomationAssumeRole"},
		{"AutomaticWithResourceRole", true, map[string]ParameterValue{"BucketName": bucket, "AutomationAssumeRole": bucket}, "Automatic remediation needs the AutomationAssumeRole"},
		{"Undeclared", false, map[string]ParameterValue{"BucketName": bucket, "Zeta": role, "Alpha": role}, "does not declare the parameter(s) Alpha, Zeta."},
		{"RequiredMissing", false, map[string]ParameterValue{"SSEAlgorithm": role}, "requires the parameter(s) BucketName"},
		{"RequiredEmptyStatic", false, map[string]ParameterValue{"BucketName": {StaticValues: []string{}}}, "requires the parameter(s) BucketName"},
		{"RequiredStatic", false, map[string]ParameterValue{"BucketName": {StaticValues: []string{"fixed"}}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := checkParameters(&Configuration{Automatic: tc.automatic, Parameters: tc.params}, doc)
			if tc.want == "" {
				require.Empty(t, got)
				return
			}
			require.Contains(t, got, tc.want)
		})
	}
}
