package ssm_test

import (
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// rbCallsBack reaches Salve from a runbook both ways: aws:executeAwsApi
// through the in-process caller, and aws:executeScript through boto3 in a
// child process pointed back at the server.
const rbCallsBack = `schemaVersion: '0.3'
outputs: [Who.Account, Count.Parameters]
mainSteps:
  - name: Who
    action: aws:executeAwsApi
    inputs: {Service: sts, Api: GetCallerIdentity}
    outputs:
      - {Name: Account, Selector: $.Account, Type: String}
  - name: Rule
    action: aws:executeAwsApi
    inputs:
      Service: config
      Api: put_config_rule
      ConfigRule:
        ConfigRuleName: made-by-a-runbook
        Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED}
  - name: Count
    action: aws:executeScript
    inputs:
      Runtime: python3.11
      Handler: handler
      InputPayload: {Name: AWS-ConfigureS3BucketEncryption}
      Script: |-
        import boto3
        def handler(events, context):
            doc = boto3.client("ssm").describe_document(Name=events["Name"])["Document"]
            rules = boto3.client("config").describe_config_rules(ConfigRuleNames=["made-by-a-runbook"])
            return {"Parameters": len(doc["Parameters"]), "Rules": len(rules["ConfigRules"])}
    outputs:
      - {Name: Parameters, Selector: $.Payload.Parameters, Type: Integer}
      - {Name: Rules, Selector: $.Payload.Rules, Type: Integer}
`

func TestStartAutomationExecution_CallsSalveInProcessAndFromScripts(t *testing.T) {
	t.Parallel()
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 is needed for aws:executeScript")
	}
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "CallsBack", rbCallsBack)
	id := rbStart(t, env, "CallsBack", nil)

	x := rbGet(t, env, id)
	require.Equal(t, "Success", string(x.AutomationExecutionStatus), "failure: %v", x.FailureMessage)
	require.Equal(t, []string{"Who=Success", "Rule=Success", "Count=Success"}, rbStepStatuses(x))
	require.Equal(t, []string{"123456789012"}, x.Outputs["Who.Account"])
	require.Equal(t, []string{"3"}, x.Outputs["Count.Parameters"])
	require.Equal(t, []string{"1"}, x.StepExecutions[2].Outputs["Rules"],
		"the script sees the rule the runbook created, in the same account")
}
