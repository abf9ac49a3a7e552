package expr_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
)

// corpusDir holds real AWS runbooks (shared test data outside the repo).
const corpusDir = "../../../../shared/runbooks"

// TestResolve_AWSRunbooks resolves every step input and evaluates every
// branch of the real AWS runbooks with placeholder parameters and no step
// outputs: every reference must be one the interpreter understands.
func TestResolve_AWSRunbooks(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if len(files) == 0 {
		t.Skip("no AWS runbook corpus at " + corpusDir)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			doc, err := automation.Parse(b, "JSON")
			require.NoError(t, err)
			env := corpusEnv(doc)
			walkSteps(t, doc.MainSteps, env)
		})
	}
}

// walkSteps resolves the inputs (but the script text) and evaluates the
// branches of steps and their loop bodies.
func walkSteps(t *testing.T, steps []automation.Step, env *expr.Env) {
	t.Helper()
	for _, s := range steps {
		inputs := map[string]any{}
		for k, v := range s.Inputs {
			if k != "Script" {
				inputs[k] = v
			}
		}
		_, err := expr.Resolve(inputs, env)
		require.NoError(t, err, "step %s", s.Name)
		if s.Branch != nil {
			_, _, err := expr.Choose(s.Branch, env)
			require.NoError(t, err, "step %s", s.Name)
		}
		if s.Loop != nil {
			walkSteps(t, s.Loop.Steps, env)
		}
	}
}

// corpusEnv binds each parameter and variable to its default or to a
// placeholder of its type.
func corpusEnv(doc *automation.Document) *expr.Env {
	env := &expr.Env{Parameters: map[string]any{}, Variables: map[string]any{}, Region: "us-east-1", Now: now}
	for _, p := range doc.Parameters {
		env.Parameters[p.Name] = placeholder(p.Type, p.HasDefault, p.Default)
	}
	for _, v := range doc.Variables {
		env.Variables[v.Name] = placeholder(v.Type, v.HasDefault, v.Default)
	}
	return env
}

// placeholder returns def when there is one, else a value of type typ.
func placeholder(typ string, hasDefault bool, def any) any {
	if hasDefault {
		return def
	}
	switch typ {
	case automation.TypeInteger:
		return 1
	case automation.TypeBoolean:
		return true
	case automation.TypeStringList:
		return []any{"x"}
	case automation.TypeStringMap:
		return map[string]any{"k": "v"}
	case automation.TypeMapList:
		return []any{map[string]any{"k": "v"}}
	}
	return "x"
}
