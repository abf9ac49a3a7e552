package sns_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

// awsCLI runs the aws CLI against the test server and decodes its JSON
// output into out (when not nil). The test is skipped without the CLI.
func awsCLI(t *testing.T, e *env, out any, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the aws CLI is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, append(args, "--endpoint-url", e.URL, "--output", "json")...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=AKIDSALVETEST", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_PAGER=", "AWS_CONFIG_FILE="+filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "credentials"), "AWS_MAX_ATTEMPTS=1")
	stdout, err := cmd.Output()
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		t.Fatalf("aws %v: %v\n%s", args, err, exit.Stderr)
	}
	require.NoError(t, err)
	if out != nil {
		require.NoError(t, json.Unmarshal(stdout, out), string(stdout))
	}
}

// TestCLI proves the aws CLI's request shapes (Attributes.entry.N.key,
// Tags.member.N.Key, MessageAttributes.entry.N.Value.DataType) decode.
func TestCLI(t *testing.T) {
	t.Parallel()
	e := setup(t)
	var topic struct{ TopicArn string }
	awsCLI(t, e, &topic, "sns", "create-topic", "--name", "cli-topic",
		"--attributes", "DisplayName=CLI,KmsMasterKeyId=alias/aws/sns", "--tags", "Key=team,Value=ops")
	require.Equal(t, "arn:aws:sns:us-east-1:123456789012:cli-topic", topic.TopicArn)

	var attrs struct{ Attributes map[string]string }
	awsCLI(t, e, &attrs, "sns", "get-topic-attributes", "--topic-arn", topic.TopicArn)
	require.Equal(t, "CLI", attrs.Attributes["DisplayName"])
	require.Equal(t, "alias/aws/sns", attrs.Attributes["KmsMasterKeyId"])

	var sub struct{ SubscriptionArn string }
	awsCLI(t, e, &sub, "sns", "subscribe", "--topic-arn", topic.TopicArn, "--protocol", "sqs",
		"--notification-endpoint", "arn:aws:sqs:us-east-1:123456789012:q", "--attributes", "RawMessageDelivery=true")
	require.Contains(t, sub.SubscriptionArn, topic.TopicArn+":")

	var pub struct{ MessageId string }
	awsCLI(t, e, &pub, "sns", "publish", "--topic-arn", topic.TopicArn, "--message", "hi", "--subject", "S",
		"--message-attributes", `{"kind":{"DataType":"String","StringValue":"k"},"n":{"DataType":"Number","StringValue":"2"}}`)
	ds, err := e.Domain.Deliveries(context.Background(), home, topic.TopicArn)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	require.Equal(t, pub.MessageId, ds[0].MessageID)
	require.Equal(t, sandbox.MessageAttribute{DataType: "Number", StringValue: "2"}, ds[0].MessageAttributes["n"])

	var tags struct{ Tags []struct{ Key, Value string } }
	awsCLI(t, e, &tags, "sns", "list-tags-for-resource", "--resource-arn", topic.TopicArn)
	require.Len(t, tags.Tags, 1)
	var subs struct{ Subscriptions []struct{ Protocol string } }
	awsCLI(t, e, &subs, "sns", "list-subscriptions-by-topic", "--topic-arn", topic.TopicArn)
	require.Len(t, subs.Subscriptions, 1)
}

// TestCLI_HTTPSubscription confirms an http subscription with the aws
// CLI's confirm-subscription and the token the endpoint received.
func TestCLI_HTTPSubscription(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ep := newEndpoint(t)
	var topic struct{ TopicArn string }
	awsCLI(t, e, &topic, "sns", "create-topic", "--name", "cli-http")
	var sub struct{ SubscriptionArn string }
	awsCLI(t, e, &sub, "sns", "subscribe", "--topic-arn", topic.TopicArn, "--protocol", "http",
		"--notification-endpoint", ep.URL+"/hook", "--return-subscription-arn")
	e.deliver(t, 1)
	_, m := ep.last(t)
	var confirmed struct{ SubscriptionArn string }
	awsCLI(t, e, &confirmed, "sns", "confirm-subscription", "--topic-arn", topic.TopicArn, "--token", m.Token)
	require.Equal(t, sub.SubscriptionArn, confirmed.SubscriptionArn)
	var attrs struct{ Attributes map[string]string }
	awsCLI(t, e, &attrs, "sns", "get-subscription-attributes", "--subscription-arn", sub.SubscriptionArn)
	require.Equal(t, "false", attrs.Attributes["PendingConfirmation"])

	awsCLI(t, e, nil, "sns", "publish", "--topic-arn", topic.TopicArn, "--message", "from the CLI")
	e.deliver(t, 1)
	_, m = ep.last(t)
	require.Equal(t, "from the CLI", m.Message)
}
