package sns_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/require"

	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

const queueARN = "arn:aws:sqs:us-east-1:123456789012:q"

func TestSubscribe(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "t", nil)
	sqs, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("sqs"),
		Endpoint: aws.String(queueARN), Attributes: map[string]string{"RawMessageDelivery": "true"}})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(*sqs.SubscriptionArn, arn+":"))
	again, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN)})
	require.NoError(t, err)
	require.Equal(t, *sqs.SubscriptionArn, *again.SubscriptionArn, "subscribing again returns the subscription")
	require.Equal(t, 1, e.Sink.Last(sandbox.ResourceTypeTopic, arn).Configuration["SubscriptionsConfirmed"])

	email, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("email"), Endpoint: aws.String("ops@example.com")})
	require.NoError(t, err)
	require.Equal(t, "pending confirmation", *email.SubscriptionArn)
	attrs, err := e.SNS.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	require.Equal(t, "1", attrs.Attributes["SubscriptionsConfirmed"])
	require.Equal(t, "1", attrs.Attributes["SubscriptionsPending"])

	list, err := e.SNS.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	require.Len(t, list.Subscriptions, 2)
	var arns []string
	for _, s := range list.Subscriptions {
		arns = append(arns, *s.SubscriptionArn)
		require.Equal(t, "123456789012", *s.Owner)
	}
	require.Contains(t, arns, "PendingConfirmation")

	// The confirmation request is a delivery record carrying the token.
	ds, err := e.Domain.Deliveries(ctx, home, arn)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	require.Equal(t, sandbox.DeliverySubscriptionConfirmation, ds[0].Type)
	_, err = e.SNS.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicArn: aws.String(arn), Token: aws.String("wrong")})
	requireCode(t, err, "InvalidParameter")
	confirmed, err := e.SNS.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicArn: aws.String(arn), Token: aws.String(ds[0].Token)})
	require.NoError(t, err)
	require.Equal(t, ds[0].SubscriptionARN, *confirmed.SubscriptionArn)
	require.Equal(t, 2, e.Sink.Last(sandbox.ResourceTypeTopic, arn).Configuration["SubscriptionsConfirmed"])

	sa, err := e.SNS.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionArn: sqs.SubscriptionArn})
	require.NoError(t, err)
	require.Equal(t, "true", sa.Attributes["RawMessageDelivery"])
	require.Equal(t, "false", sa.Attributes["PendingConfirmation"])
	_, err = e.SNS.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: sqs.SubscriptionArn,
		AttributeName: aws.String("FilterPolicy"), AttributeValue: aws.String(`{"kind":["a"]}`)})
	require.NoError(t, err)
	_, err = e.SNS.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: sqs.SubscriptionArn,
		AttributeName: aws.String("FilterPolicy"), AttributeValue: aws.String(`[`)})
	requireCode(t, err, "InvalidParameter")

	_, err = e.SNS.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: sqs.SubscriptionArn})
	require.NoError(t, err)
	require.Equal(t, 1, e.Sink.Last(sandbox.ResourceTypeTopic, arn).Configuration["SubscriptionsConfirmed"])
	_, err = e.SNS.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: sqs.SubscriptionArn})
	requireCode(t, err, "NotFound")
	_, err = e.SNS.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: aws.String("pending confirmation")})
	requireCode(t, err, "InvalidParameter")
}

func TestSubscribe_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	arn := aws.String(createTopic(t, e, "t", nil))
	fifo := aws.String(createTopic(t, e, "f.fifo", map[string]string{"FifoTopic": "true"}))
	cases := map[string]struct {
		in   sns.SubscribeInput
		code string
	}{
		"BadProtocol":     {sns.SubscribeInput{TopicArn: arn, Protocol: aws.String("carrier-pigeon"), Endpoint: aws.String("x")}, "InvalidParameter"},
		"HTTPMismatch":    {sns.SubscribeInput{TopicArn: arn, Protocol: aws.String("https"), Endpoint: aws.String("http://example.com")}, "InvalidParameter"},
		"BadEmail":        {sns.SubscribeInput{TopicArn: arn, Protocol: aws.String("email"), Endpoint: aws.String("nobody")}, "InvalidParameter"},
		"SQSNotArn":       {sns.SubscribeInput{TopicArn: arn, Protocol: aws.String("sqs"), Endpoint: aws.String("https://sqs.example/q")}, "InvalidParameter"},
		"FirehoseNoRole":  {sns.SubscribeInput{TopicArn: arn, Protocol: aws.String("firehose"), Endpoint: aws.String("arn:aws:firehose:us-east-1:123456789012:deliverystream/s")}, "InvalidParameter"},
		"BadAttribute":    {sns.SubscribeInput{TopicArn: arn, Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN), Attributes: map[string]string{"Color": "red"}}, "InvalidParameter"},
		"UnknownTopic":    {sns.SubscribeInput{TopicArn: aws.String(*arn + "-gone"), Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN)}, "NotFound"},
		"FifoNeedsSQS":    {sns.SubscribeInput{TopicArn: fifo, Protocol: aws.String("https"), Endpoint: aws.String("https://example.com")}, "InvalidParameter"},
		"OtherAttributes": {sns.SubscribeInput{TopicArn: arn, Protocol: aws.String("lambda"), Endpoint: aws.String("arn:aws:lambda:us-east-1:123456789012:function:f"), Attributes: map[string]string{"RawMessageDelivery": "false"}}, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.SNS.Subscribe(context.Background(), &tc.in)
			if tc.code == "" {
				require.NoError(t, err)
				return
			}
			requireCode(t, err, tc.code)
		})
	}
}
