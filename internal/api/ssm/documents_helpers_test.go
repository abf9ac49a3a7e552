package ssm_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// docAccount is the account of salvetest's default clients.
const docAccount = "123456789012"

// docRunbookJSON is a small valid Automation runbook in JSON.
const docRunbookJSON = `{
  "schemaVersion": "0.3",
  "description": "Turns on bucket versioning.",
  "assumeRole": "{{ AutomationAssumeRole }}",
  "parameters": {
    "BucketName": {"type": "String", "description": "The bucket."},
    "Tags": {"type": "StringList", "default": ["a", "b"]},
    "Retries": {"type": "Integer", "default": 3},
    "DryRun": {"type": "Boolean", "default": false},
    "Extra": {"type": "StringMap", "default": {"k": "v"}},
    "AutomationAssumeRole": {"type": "AWS::IAM::Role::Arn", "default": ""}
  },
  "mainSteps": [
    {
      "name": "Enable",
      "action": "aws:executeAwsApi",
      "inputs": {"Service": "s3", "Api": "PutBucketVersioning", "Bucket": "{{ BucketName }}",
        "VersioningConfiguration": {"Status": "Enabled"}}
    }
  ]
}`

// docRunbookYAML is a small valid Automation runbook in YAML.
const docRunbookYAML = `schemaVersion: '0.3'
description: Stops an instance.
parameters:
  InstanceId:
    type: String
    description: The instance.
mainSteps:
  - name: Stop
    action: aws:changeInstanceState
    inputs:
      InstanceIds: ['{{ InstanceId }}']
      DesiredState: stopped
`

// docCommandJSON is a Command document (schema 2.2).
const docCommandJSON = `{
  "schemaVersion": "2.2",
  "description": "Says hello.",
  "parameters": {"Greeting": {"type": "String", "default": "hello"}},
  "mainSteps": [{"action": "aws:runShellScript", "name": "hello", "inputs": {"runCommand": ["echo {{ Greeting }}"]}}]
}`

// docRunbook returns docRunbookJSON with its description changed, so that
// versions differ in content.
func docRunbook(description string) string {
	return strings.Replace(docRunbookJSON, "Turns on bucket versioning.", description, 1)
}

// docCreate creates an Automation document from JSON content.
func docCreate(t *testing.T, c *ssm.Client, name, content string) *types.DocumentDescription {
	t.Helper()
	out, err := c.CreateDocument(context.Background(), &ssm.CreateDocumentInput{
		Name: aws.String(name), Content: aws.String(content), DocumentType: types.DocumentTypeAutomation})
	require.NoError(t, err)
	return out.DocumentDescription
}

// docUpdate adds a version with new content.
func docUpdate(t *testing.T, c *ssm.Client, name, content string) *types.DocumentDescription {
	t.Helper()
	out, err := c.UpdateDocument(context.Background(), &ssm.UpdateDocumentInput{
		Name: aws.String(name), Content: aws.String(content), DocumentVersion: aws.String("$LATEST")})
	require.NoError(t, err)
	return out.DocumentDescription
}

// docErr asserts that err is the AWS error code and returns its message.
func docErr(t *testing.T, err error, code string) string {
	t.Helper()
	msg := salvetest.RequireAPIError(t, err, code)
	require.NotEmpty(t, msg)
	return msg
}

// docSHA256 is the hex SHA-256 of s.
func docSHA256(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// docRaw sends a raw AmazonSSM request and returns status and body.
func docRaw(t *testing.T, env *salvetest.Env, op, body string) (int, string) {
	t.Helper()
	res := env.Raw(t, "AmazonSSM."+op, body)
	return res.Status, res.Text
}
