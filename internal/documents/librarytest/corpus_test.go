package librarytest_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"
)

// corpusDir holds the 92 AWS-published runbooks (JSON).
const corpusDir = "../../../../shared/runbooks"

// corpusCase is one AWS runbook run against moto: setup creates its
// resources and returns the execution's parameters; status and steps
// ("Name=Status", in order) are what the run must end with.
type corpusCase struct {
	name   string
	python bool
	setup  func(t *testing.T, e *env) map[string][]string
	status types.AutomationExecutionStatus
	steps  []string
	// check reads back the effect from moto, when it can be read.
	check func(t *testing.T, e *env)
	// why says why a run ends Failed (moto's gap, the runbook's or Salve's).
	why string
	// bug names a known Salve bug: status and steps are the correct
	// outcome, and the case is skipped while the run does not reach it
	// (and fails once it does, so the mark is removed).
	bug string
}

// TestCorpus_RunAgainstMoto creates every AWS runbook whose calls moto or
// Salve serve under a "Corpus-" name (AWS-* names are reserved), runs it
// against moto and compares its trace with testdata/corpus/<name>.golden.
func TestCorpus_RunAgainstMoto(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("the AWS runbook corpus is not at " + corpusDir)
	}
	for _, group := range corpusGroups() {
		t.Run(group.name, func(t *testing.T) {
			t.Parallel()
			e := setup(t)
			for _, c := range group.cases {
				t.Run(c.name, func(t *testing.T) { runCorpusCase(t, e, c) })
			}
		})
	}
}

// corpusGroup is a set of cases sharing one moto (resources named apart).
type corpusGroup struct {
	name  string
	cases []corpusCase
}

// runCorpusCase creates the runbook in Salve, runs it and checks the run.
func runCorpusCase(t *testing.T, e *env, c corpusCase) {
	if c.python {
		requirePython(t)
	}
	content, err := os.ReadFile(filepath.Join(corpusDir, c.name+".json"))
	require.NoError(t, err)
	doc := "Corpus-" + c.name
	_, err = e.salve.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String(doc),
		Content: aws.String(string(content)), DocumentType: types.DocumentTypeAutomation,
		DocumentFormat: types.DocumentFormatJson})
	require.NoError(t, err)
	x := e.run(t, doc, c.setup(t, e))
	var got []string
	for _, se := range x.StepExecutions {
		got = append(got, aws.ToString(se.StepName)+"="+string(se.StepStatus))
	}
	if c.bug != "" {
		require.False(t, x.AutomationExecutionStatus == c.status && slices.Equal(got, c.steps),
			"known bug fixed: remove the bug mark of %s and record its golden trace", c.name)
		t.Skipf("known Salve bug: %s; steps %v", c.bug, failures(x))
	}
	if c.why != "" {
		t.Logf("%s ends %s: %s", c.name, c.status, c.why)
	}
	require.Equal(t, c.status, x.AutomationExecutionStatus,
		"failure: %s; steps %v", aws.ToString(x.FailureMessage), failures(x))
	require.Equal(t, c.steps, got)
	if c.check != nil {
		c.check(t, e)
	}
	requireGoldenAt(t, filepath.Join("testdata", "corpus", c.name+".golden"), c.name, x)
}
