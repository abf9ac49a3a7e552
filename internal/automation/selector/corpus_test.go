package selector_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/selector"
)

// corpusDir holds real AWS runbooks (shared test data outside the repo).
const corpusDir = "../../../../shared/runbooks"

// TestCompile_AWSRunbooks compiles every Selector and PropertySelector in the
// AWS runbook corpus.
func TestCompile_AWSRunbooks(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if len(files) == 0 {
		t.Skip("no AWS runbook corpus at " + corpusDir)
	}
	count, indefinite := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var doc any
		require.NoError(t, json.Unmarshal(b, &doc), f)
		for _, expr := range selectorsIn(doc) {
			s, err := selector.Compile(expr)
			require.NoError(t, err, "%s: %s", filepath.Base(f), expr)
			count++
			if !s.Definite() {
				indefinite++
			}
		}
	}
	t.Logf("compiled %d selectors from %d runbooks (%d indefinite)", count, len(files), indefinite)
	require.NotZero(t, count)
}

// selectorsIn collects the string values of every Selector and
// PropertySelector member anywhere in a decoded runbook.
func selectorsIn(v any) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && (k == "Selector" || k == "PropertySelector") {
				out = append(out, s)
			}
			out = append(out, selectorsIn(e)...)
		}
	case []any:
		for _, e := range x {
			out = append(out, selectorsIn(e)...)
		}
	}
	return out
}

// TestSelect_RunbookSelectors applies selectors copied from AWS runbooks to
// the responses their APIs return.
func TestSelect_RunbookSelectors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		runbook, doc, expr string
		want               any
	}{
		{"AWSConfigRemediation-EnforceEC2InstanceIMDSv2", describeInstances, "$.Reservations[0].Instances[0].MetadataOptions.HttpTokens", "optional"},
		{"AWSConfigRemediation-EnableRDSInstanceMultiAZ", describeDBInstances, "$.DBInstances[0].DBInstanceStatus", "available"},
		{"AWSConfigRemediation-EnableRDSInstanceMultiAZ", describeDBInstances, "$.DBInstances[0].PendingModifiedValues.MultiAZ", nil},
		{"AWSConfigRemediation-EnableBucketKey", getBucketEncryption, "$.ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled", true},
		{"AWSConfigRemediation-DeleteUnusedSecurityGroup", describeSecurityGroups, "$.SecurityGroups[0].GroupName", "default"},
		{"AWSConfigRemediation-DisableSubnetAutoAssignPublicIP", describeSecurityGroups, "$.ResponseMetadata", decode(t, "{"+responseMetadata+"}").(map[string]any)["ResponseMetadata"]},
		{"AWSConfigRemediation-EnableKeyRotation", describeKey, "$..KeyState", "Enabled"},
		{"AWSConfigRemediation-EnableVPCFlowLogsToCloudWatch", `{"FlowLogs": [{"LogDestinationType": "cloud-watch-logs"}]}`, "FlowLogs[0].LogDestinationType", "cloud-watch-logs"},
	}
	for _, tt := range tests {
		t.Run(tt.runbook, func(t *testing.T) {
			t.Parallel()
			values, found := selector.MustCompile(tt.expr).Select(decode(t, tt.doc))
			if tt.want == nil {
				require.False(t, found, "a missing member is not found")
				return
			}
			require.True(t, found)
			require.Equal(t, tt.want, values[0])
		})
	}
}
