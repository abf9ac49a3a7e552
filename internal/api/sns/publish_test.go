package sns_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

func TestPublish(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "t", nil)
	out, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("hello"),
		Subject: aws.String("Greeting"), MessageAttributes: map[string]types.MessageAttributeValue{
			"kind":  {DataType: aws.String("String"), StringValue: aws.String("greeting")},
			"count": {DataType: aws.String("Number"), StringValue: aws.String("3")},
			"blob":  {DataType: aws.String("Binary"), BinaryValue: []byte{0, 1, 2}},
		}})
	require.NoError(t, err)
	require.Len(t, *out.MessageId, 36)
	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TargetArn: aws.String(arn), Message: aws.String("second")})
	require.NoError(t, err, "TargetArn names a topic too")

	ds, err := e.Domain.Deliveries(ctx, home, arn)
	require.NoError(t, err)
	require.Len(t, ds, 2)
	d := ds[0]
	require.Equal(t, sandbox.DeliveryNotification, d.Type)
	require.Equal(t, *out.MessageId, d.MessageID)
	require.Equal(t, "hello", d.Message)
	require.Equal(t, "Greeting", d.Subject)
	require.Equal(t, start, d.Timestamp)
	require.Equal(t, sandbox.MessageAttribute{DataType: "Number", StringValue: "3"}, d.MessageAttributes["count"])
	require.Equal(t, []byte{0, 1, 2}, d.MessageAttributes["blob"].BinaryValue)
	require.Equal(t, "second", ds[1].Message)
	require.Empty(t, e.Sink.Items()[1:], "publishing changes no configuration item")

	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn + "-gone"), Message: aws.String("x")})
	requireCode(t, err, "NotFound")
	_, err = e.Domain.Deliveries(ctx, home, arn+"-gone")
	require.True(t, awserr.Is(err, sandbox.CodeNotFound), "%v", err)
}

func TestPublish_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	arn := aws.String(createTopic(t, e, "t", nil))
	str := func(v string) types.MessageAttributeValue {
		return types.MessageAttributeValue{DataType: aws.String("String"), StringValue: aws.String(v)}
	}
	eleven := map[string]types.MessageAttributeValue{}
	for _, k := range strings.Split("a b c d e f g h i j k", " ") {
		eleven[k] = str("v")
	}
	cases := map[string]struct {
		in   sns.PublishInput
		code string
	}{
		"NoTarget":        {sns.PublishInput{Message: aws.String("m")}, "InvalidParameter"},
		"BothTargets":     {sns.PublishInput{TopicArn: arn, TargetArn: arn, Message: aws.String("m")}, "InvalidParameter"},
		"Phone":           {sns.PublishInput{PhoneNumber: aws.String("+15555550100"), Message: aws.String("m")}, "InvalidParameter"},
		"BadArn":          {sns.PublishInput{TopicArn: aws.String("arn:aws:sqs:us-east-1:123456789012:q"), Message: aws.String("m")}, "InvalidParameter"},
		"EmptyMessage":    {sns.PublishInput{TopicArn: arn, Message: aws.String("")}, "InvalidParameter"},
		"TooLong":         {sns.PublishInput{TopicArn: arn, Message: aws.String(strings.Repeat("m", 262145))}, "InvalidParameter"},
		"SubjectNewline":  {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), Subject: aws.String("a\nb")}, "InvalidParameter"},
		"SubjectTooLong":  {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), Subject: aws.String(strings.Repeat("s", 101))}, "InvalidParameter"},
		"JSONNoDefault":   {sns.PublishInput{TopicArn: arn, Message: aws.String(`{"sqs":"x"}`), MessageStructure: aws.String("json")}, "InvalidParameter"},
		"JSONBroken":      {sns.PublishInput{TopicArn: arn, Message: aws.String(`{`), MessageStructure: aws.String("json")}, "InvalidParameter"},
		"BadStructure":    {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageStructure: aws.String("xml")}, "InvalidParameter"},
		"TooManyAttrs":    {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageAttributes: eleven}, "InvalidParameter"},
		"BadAttrType":     {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageAttributes: map[string]types.MessageAttributeValue{"a": {DataType: aws.String("Date"), StringValue: aws.String("x")}}}, "ParameterValueInvalid"},
		"NaN":             {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageAttributes: map[string]types.MessageAttributeValue{"a": {DataType: aws.String("Number"), StringValue: aws.String("many")}}}, "ParameterValueInvalid"},
		"EmptyAttr":       {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageAttributes: map[string]types.MessageAttributeValue{"a": {DataType: aws.String("String")}}}, "ParameterValueInvalid"},
		"ReservedName":    {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageAttributes: map[string]types.MessageAttributeValue{"AWS.x": str("v")}}, "ParameterValueInvalid"},
		"DedupOnStandard": {sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageDeduplicationId: aws.String("d")}, "InvalidParameter"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.SNS.Publish(context.Background(), &tc.in)
			requireCode(t, err, tc.code)
		})
	}
	ds, err := e.Domain.Deliveries(context.Background(), home, *arn)
	require.NoError(t, err)
	require.Empty(t, ds, "a rejected message is not stored")
}

func TestPublish_JSONStructure(t *testing.T) {
	t.Parallel()
	e := setup(t)
	arn := createTopic(t, e, "t", nil)
	_, err := e.SNS.Publish(context.Background(), &sns.PublishInput{TopicArn: aws.String(arn),
		Message: aws.String(`{"default":"d","email":"e"}`), MessageStructure: aws.String("json")})
	require.NoError(t, err)
	ds, err := e.Domain.Deliveries(context.Background(), home, arn)
	require.NoError(t, err)
	require.Equal(t, "json", ds[0].MessageStructure)
}

func TestPublish_Fifo(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.String(createTopic(t, e, "orders.fifo", map[string]string{"FifoTopic": "true"}))
	_, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageDeduplicationId: aws.String("d")})
	requireCode(t, err, "InvalidParameter")
	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageGroupId: aws.String("g")})
	requireCode(t, err, "InvalidParameter")

	first, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d1")})
	require.NoError(t, err)
	require.NotEmpty(t, *first.SequenceNumber)
	dup, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: arn, Message: aws.String("other"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d1")})
	require.NoError(t, err)
	require.Equal(t, *first.MessageId, *dup.MessageId, "a duplicate within five minutes is the same message")
	e.Clock.Advance(5 * time.Minute)
	later, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: arn, Message: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("d1")})
	require.NoError(t, err)
	require.NotEqual(t, *first.MessageId, *later.MessageId)
	require.Greater(t, *later.SequenceNumber, *first.SequenceNumber)

	_, err = e.SNS.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: arn, AttributeName: aws.String("ContentBasedDeduplication"), AttributeValue: aws.String("true")})
	require.NoError(t, err)
	a, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: arn, Message: aws.String("same body"), MessageGroupId: aws.String("g")})
	require.NoError(t, err)
	b, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: arn, Message: aws.String("same body"), MessageGroupId: aws.String("g")})
	require.NoError(t, err)
	require.Equal(t, *a.MessageId, *b.MessageId, "content-based deduplication")

	ds, err := e.Domain.Deliveries(ctx, home, *arn)
	require.NoError(t, err)
	require.Len(t, ds, 3)
	require.Equal(t, "g", ds[0].MessageGroupID)
}

func TestPublish_KeepsLastDeliveries(t *testing.T) {
	t.Parallel()
	e := setup(t) // MaxDeliveries: 5
	ctx := context.Background()
	arn := createTopic(t, e, "t", nil)
	for _, m := range strings.Split("1 2 3 4 5 6 7", " ") {
		_, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String(m)})
		require.NoError(t, err)
	}
	ds, err := e.Domain.Deliveries(ctx, home, arn)
	require.NoError(t, err)
	var got []string
	for _, d := range ds {
		got = append(got, d.Message)
	}
	require.Equal(t, []string{"3", "4", "5", "6", "7"}, got)
}
