// Package runbooks_test runs the runbooks of e2e/runbooks through Salve's
// Go test server (internal/salvetest) with a real aws-sdk-go-v2 client:
// the pattern docs/RUNBOOKS.md shows for testing runbooks from Go.
package runbooks_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestChildRunbook_Shouts(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	content, err := os.ReadFile("child.yaml")
	require.NoError(t, err)
	_, err = env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("Child"),
		Content: aws.String(string(content)), DocumentType: types.DocumentTypeAutomation,
		DocumentFormat: types.DocumentFormatYaml})
	require.NoError(t, err)

	start, err := env.SSM.StartAutomationExecution(ctx, &ssm.StartAutomationExecutionInput{
		DocumentName: aws.String("Child"), Parameters: map[string][]string{"Greeting": {"hi"}}})
	require.NoError(t, err)
	// Drain waits until every runnable execution has run as far as it can;
	// waits on time (aws:sleep, polls) need env.Clock.Advance and Tick.
	drain, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	require.NoError(t, env.Salve.Runbooks.Drain(drain))

	got, err := env.SSM.GetAutomationExecution(ctx, &ssm.GetAutomationExecutionInput{
		AutomationExecutionId: start.AutomationExecutionId})
	require.NoError(t, err)
	x := got.AutomationExecution
	require.Equal(t, types.AutomationExecutionStatusSuccess, x.AutomationExecutionStatus, aws.ToString(x.FailureMessage))
	require.Equal(t, []string{"HI"}, x.Outputs["Shout.Text"])
}
