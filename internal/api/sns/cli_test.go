package sns_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

// TestCLI proves the aws CLI's request shapes (Attributes.entry.N.key,
// Tags.member.N.Key, MessageAttributes.entry.N.Value.DataType) decode.
func TestCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.URL, awscli.Options{})
	var topic struct{ TopicArn string }
	cli.RunJSON(&topic, "sns", "create-topic", "--name", "cli-topic",
		"--attributes", "DisplayName=CLI,KmsMasterKeyId=alias/aws/sns", "--tags", "Key=team,Value=ops")
	require.Equal(t, "arn:aws:sns:us-east-1:123456789012:cli-topic", topic.TopicArn)

	var attrs struct{ Attributes map[string]string }
	cli.RunJSON(&attrs, "sns", "get-topic-attributes", "--topic-arn", topic.TopicArn)
	require.Equal(t, "CLI", attrs.Attributes["DisplayName"])
	require.Equal(t, "alias/aws/sns", attrs.Attributes["KmsMasterKeyId"])

	var sub struct{ SubscriptionArn string }
	cli.RunJSON(&sub, "sns", "subscribe", "--topic-arn", topic.TopicArn, "--protocol", "sqs",
		"--notification-endpoint", "arn:aws:sqs:us-east-1:123456789012:q", "--attributes", "RawMessageDelivery=true")
	require.Contains(t, sub.SubscriptionArn, topic.TopicArn+":")

	var pub struct{ MessageId string }
	cli.RunJSON(&pub, "sns", "publish", "--topic-arn", topic.TopicArn, "--message", "hi", "--subject", "S",
		"--message-attributes", `{"kind":{"DataType":"String","StringValue":"k"},"n":{"DataType":"Number","StringValue":"2"}}`)
	ds, err := e.Domain.Deliveries(context.Background(), home, topic.TopicArn)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	require.Equal(t, pub.MessageId, ds[0].MessageID)
	require.Equal(t, sandbox.MessageAttribute{DataType: "Number", StringValue: "2"}, ds[0].MessageAttributes["n"])

	var tags struct{ Tags []struct{ Key, Value string } }
	cli.RunJSON(&tags, "sns", "list-tags-for-resource", "--resource-arn", topic.TopicArn)
	require.Len(t, tags.Tags, 1)
	var subs struct{ Subscriptions []struct{ Protocol string } }
	cli.RunJSON(&subs, "sns", "list-subscriptions-by-topic", "--topic-arn", topic.TopicArn)
	require.Len(t, subs.Subscriptions, 1)
}

// TestCLI_HTTPSubscription confirms an http subscription with the aws
// CLI's confirm-subscription and the token the endpoint received.
func TestCLI_HTTPSubscription(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.URL, awscli.Options{})
	ep := newEndpoint(t)
	var topic struct{ TopicArn string }
	cli.RunJSON(&topic, "sns", "create-topic", "--name", "cli-http")
	var sub struct{ SubscriptionArn string }
	cli.RunJSON(&sub, "sns", "subscribe", "--topic-arn", topic.TopicArn, "--protocol", "http",
		"--notification-endpoint", ep.URL+"/hook", "--return-subscription-arn")
	e.deliver(t, 1)
	_, m := ep.last(t)
	var confirmed struct{ SubscriptionArn string }
	cli.RunJSON(&confirmed, "sns", "confirm-subscription", "--topic-arn", topic.TopicArn, "--token", m.Token)
	require.Equal(t, sub.SubscriptionArn, confirmed.SubscriptionArn)
	var attrs struct{ Attributes map[string]string }
	cli.RunJSON(&attrs, "sns", "get-subscription-attributes", "--subscription-arn", sub.SubscriptionArn)
	require.Equal(t, "false", attrs.Attributes["PendingConfirmation"])

	cli.RunJSON(nil, "sns", "publish", "--topic-arn", topic.TopicArn, "--message", "from the CLI")
	e.deliver(t, 1)
	_, m = ep.last(t)
	require.Equal(t, "from the CLI", m.Message)
}
