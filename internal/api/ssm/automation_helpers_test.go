package ssm_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// Runbooks used by the Automation tests (YAML).
const (
	rbQuick = `schemaVersion: '0.3'
parameters:
  Name: {type: String, default: world}
variables:
  Greeting: {type: String, default: ''}
outputs: [Greet.Greeting]
mainSteps:
  - name: Greet
    action: aws:updateVariable
    inputs: {Name: 'variable:Greeting', Value: 'hello {{ Name }}'}
  - name: Rest
    action: aws:sleep
    inputs: {Duration: PT0S}
`
	rbSleep = `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT1H}
  - name: After
    action: aws:sleep
    inputs: {Duration: PT0S}
`
	rbApprove = `schemaVersion: '0.3'
mainSteps:
  - name: Approve
    action: aws:approve
    inputs: {Approvers: ['arn:aws:iam::123456789012:role/Boss'], Message: 'ok?'}
  - name: After
    action: aws:sleep
    inputs: {Duration: PT0S}
`
	rbBranch = `schemaVersion: '0.3'
parameters:
  Color: {type: String}
mainSteps:
  - name: Choose
    action: aws:branch
    inputs:
      Choices:
        - {NextStep: Red, Variable: '{{ Color }}', StringEquals: red}
      Default: Other
  - name: Red
    action: aws:sleep
    isEnd: true
    inputs: {Duration: PT0S}
  - name: Other
    action: aws:sleep
    inputs: {Duration: PT0S}
`
)

// rbCreate stores a YAML runbook.
func rbCreate(t *testing.T, c *ssm.Client, name, content string) {
	t.Helper()
	_, err := c.CreateDocument(context.Background(), &ssm.CreateDocumentInput{Name: aws.String(name),
		Content: aws.String(content), DocumentType: types.DocumentTypeAutomation, DocumentFormat: types.DocumentFormatYaml})
	require.NoError(t, err)
}

// rbStart starts an execution and returns its id.
func rbStart(t *testing.T, env *salvetest.Env, name string, params map[string][]string) string {
	t.Helper()
	out, err := env.SSM.StartAutomationExecution(context.Background(), &ssm.StartAutomationExecutionInput{
		DocumentName: aws.String(name), Parameters: params})
	require.NoError(t, err)
	require.Len(t, *out.AutomationExecutionId, 36)
	rbDrain(t, env)
	return *out.AutomationExecutionId
}

// rbDrain waits until the runner is idle.
func rbDrain(t *testing.T, env *salvetest.Env) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, env.Salve.Runbooks.Drain(ctx))
}

// rbTick advances the clock, wakes due executions and waits for them.
func rbTick(t *testing.T, env *salvetest.Env, d time.Duration) {
	t.Helper()
	env.Clock.Advance(d)
	require.NoError(t, env.Salve.Runbooks.Tick(context.Background()))
	rbDrain(t, env)
}

// rbGet reads an execution.
func rbGet(t *testing.T, env *salvetest.Env, id string) *types.AutomationExecution {
	t.Helper()
	out, err := env.SSM.GetAutomationExecution(context.Background(),
		&ssm.GetAutomationExecutionInput{AutomationExecutionId: aws.String(id)})
	require.NoError(t, err)
	return out.AutomationExecution
}

// rbStepStatuses lists "name=status" of an execution's steps.
func rbStepStatuses(x *types.AutomationExecution) []string {
	out := make([]string, len(x.StepExecutions))
	for i, se := range x.StepExecutions {
		out[i] = *se.StepName + "=" + string(se.StepStatus)
	}
	return out
}

// rbSignal sends a signal.
func rbSignal(env *salvetest.Env, id string, typ types.SignalType, payload map[string][]string) error {
	_, err := env.SSM.SendAutomationSignal(context.Background(), &ssm.SendAutomationSignalInput{
		AutomationExecutionId: aws.String(id), SignalType: typ, Payload: payload})
	return err
}
