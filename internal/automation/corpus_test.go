package automation_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
)

// corpusDir holds real AWS runbooks (shared test data outside the repo).
const corpusDir = "../../../shared/runbooks"

func TestParse_AWSRunbooks(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if len(files) == 0 {
		t.Skip("no AWS runbook corpus at " + corpusDir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			doc, err := automation.Parse(b, "JSON")
			require.NoError(t, err)
			require.Equal(t, "0.3", doc.SchemaVersion)
			require.NotEmpty(t, doc.MainSteps)
		})
	}
}
