package documents

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
)

func TestLibrary_EveryRunbookIsValid(t *testing.T) {
	t.Parallel()
	lib, err := loadLibrary()
	require.NoError(t, err)
	require.Len(t, lib, len(libraryTargetTypes), "every libraryTargetTypes entry needs a file")
	for name, d := range lib {
		doc, err := automation.Parse([]byte(d.Content), "YAML")
		require.NoError(t, err, name)
		require.Equal(t, "{{ AutomationAssumeRole }}", doc.AssumeRole, name)
		require.True(t, strings.HasPrefix(strings.ToLower(name), "aws"), name)
		for _, s := range doc.MainSteps {
			require.Contains(t, []string{"aws:executeAwsApi", "aws:assertAwsResourceProperty", "aws:branch",
				"aws:changeInstanceState", "aws:executeScript"}, s.Action, "%s step %s", name, s.Name)
		}
	}
}

// TestLibrary_MatchesAWSParameters checks that each library runbook AWS
// also ships declares the same parameters (names, types, defaults and
// required-ness) as AWS's copy in the shared corpus.
func TestLibrary_MatchesAWSParameters(t *testing.T) {
	t.Parallel()
	for _, name := range LibraryNames() {
		b, err := os.ReadFile(filepath.Join("../../../shared/runbooks", name+".json"))
		if os.IsNotExist(err) {
			continue // a name only the product documents use
		}
		require.NoError(t, err)
		aws, err := automation.Parse(b, "JSON")
		require.NoError(t, err, name)
		ours, _ := libraryDocument(name)
		require.Len(t, ours.Parameters, len(aws.Parameters), name)
		for i, p := range aws.Parameters {
			got := ours.Parameters[i]
			require.Equal(t, p.Name, got.Name, name)
			require.Equal(t, p.Type, got.Type, "%s %s", name, p.Name)
			require.Equal(t, p.HasDefault, got.HasDefault, "%s %s", name, p.Name)
			require.Equal(t, p.Default, got.Default, "%s %s", name, p.Name)
		}
	}
}
