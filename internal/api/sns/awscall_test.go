package sns_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awscall"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

// TestAWSCaller drives the service the way runbooks reach it: through the
// AWS caller's in-process sandbox, JSON in and out.
func TestAWSCaller(t *testing.T) {
	t.Parallel()
	e := setup(t)
	sb, err := awscall.NewSandbox(e.Handler, []string{"sns"})
	require.NoError(t, err)
	ctx := context.Background()
	call := func(api string, in map[string]any) map[string]any {
		out, err := sb.Call(ctx, engine.CallRequest{Service: "sns", API: api, Input: in, AccountID: home.AccountID, Region: home.Region})
		require.NoError(t, err)
		return out
	}
	arn := call("CreateTopic", map[string]any{"Name": "runbook", "Attributes": map[string]any{"DisplayName": "R"}})["TopicArn"].(string)
	call("SetTopicAttributes", map[string]any{"TopicArn": arn, "AttributeName": "KmsMasterKeyId", "AttributeValue": "alias/aws/sns"})
	call("Publish", map[string]any{"TopicArn": arn, "Message": "fixed", "MessageAttributes": map[string]any{
		"rule": map[string]any{"DataType": "String", "StringValue": "s3-bucket-versioning-enabled"}}})
	attrs := call("GetTopicAttributes", map[string]any{"TopicArn": arn})["Attributes"].(map[string]any)
	require.Equal(t, "alias/aws/sns", attrs["KmsMasterKeyId"])
	ds, err := e.Domain.Deliveries(ctx, home, arn)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	require.Equal(t, sandbox.MessageAttribute{DataType: "String", StringValue: "s3-bucket-versioning-enabled"}, ds[0].MessageAttributes["rule"])
}
