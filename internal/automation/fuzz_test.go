package automation_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/awserr"
)

// FuzzParse feeds arbitrary content to the parser in both formats: it must
// never panic, and every failure must be an AWS error a client can read.
func FuzzParse(f *testing.F) {
	f.Add([]byte(runbook("", pauseStep)), true)
	f.Add([]byte(`{"schemaVersion":"0.3","mainSteps":[{"name":"a","action":"aws:pause","inputs":{}}]}`), false)
	f.Add([]byte("a: &x [*x]\n"), true)
	if files, _ := filepath.Glob(filepath.Join(corpusDir, "AWS-Disable*.json")); len(files) > 0 {
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b, false)
			}
		}
	}
	f.Fuzz(func(t *testing.T, content []byte, yaml bool) {
		format := "JSON"
		if yaml {
			format = "YAML"
		}
		doc, err := automation.Parse(content, format)
		if err != nil {
			if _, ok := awserr.As(err); !ok {
				t.Fatalf("Parse returned a non-AWS error: %v", err)
			}
			return
		}
		if len(doc.MainSteps) == 0 {
			t.Fatal("a valid document has steps")
		}
	})
}
