package sns_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

func TestCreateTopic(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.SNS.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("alerts"),
		Attributes: map[string]string{"DisplayName": "Alerts", "KmsMasterKeyId": "alias/aws/sns"},
		Tags:       []types.Tag{{Key: aws.String("team"), Value: aws.String("ops")}}})
	require.NoError(t, err)
	arn := *out.TopicArn
	require.Equal(t, "arn:aws:sns:us-east-1:123456789012:alerts", arn)

	again, err := e.SNS.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("alerts"), Attributes: map[string]string{"DisplayName": "Alerts"}})
	require.NoError(t, err, "CreateTopic is idempotent")
	require.Equal(t, arn, *again.TopicArn)
	_, err = e.SNS.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("alerts"), Attributes: map[string]string{"DisplayName": "Other"}})
	requireCode(t, err, "InvalidParameter")

	attrs, err := e.SNS.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	require.Equal(t, "Alerts", attrs.Attributes["DisplayName"])
	require.Equal(t, "alias/aws/sns", attrs.Attributes["KmsMasterKeyId"])
	require.Equal(t, "123456789012", attrs.Attributes["Owner"])
	require.Equal(t, "0", attrs.Attributes["SubscriptionsConfirmed"])
	require.Contains(t, attrs.Attributes["Policy"], "__default_policy_ID")
	require.Equal(t, arn, attrs.Attributes["TopicArn"])

	items := e.Sink.Items()
	require.Len(t, items, 1, "the idempotent CreateTopic records nothing")
	it := items[0]
	require.Equal(t, sandbox.ResourceTypeTopic, it.ResourceType)
	require.Equal(t, arn, it.ResourceID)
	require.Equal(t, "alerts", it.ResourceName)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "alias/aws/sns", it.Configuration["KmsMasterKeyId"])
	require.Equal(t, []any{map[string]any{"Key": "team", "Value": "ops"}}, it.Configuration["Tags"])
	require.Equal(t, map[string]string{"team": "ops"}, it.Tags)

	list, err := e.SNS.ListTopics(ctx, &sns.ListTopicsInput{})
	require.NoError(t, err)
	require.Len(t, list.Topics, 1)
}

func TestCreateTopic_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	cases := map[string]struct {
		name  string
		attrs map[string]string
		code  string
	}{
		"BadName":          {"a b", nil, "InvalidParameter"},
		"LongName":         {strings.Repeat("n", 257), nil, "InvalidParameter"},
		"FifoSuffixOnly":   {"orders.fifo", nil, "InvalidParameter"},
		"FifoWithout":      {"orders", map[string]string{"FifoTopic": "true"}, "InvalidParameter"},
		"UnknownAttribute": {"t", map[string]string{"Color": "red"}, "InvalidParameter"},
		"BadPolicy":        {"t", map[string]string{"Policy": "{"}, "InvalidParameter"},
		"LongDisplayName":  {"t", map[string]string{"DisplayName": strings.Repeat("d", 101)}, "InvalidParameter"},
		"DedupOnStandard":  {"t", map[string]string{"ContentBasedDeduplication": "true"}, "InvalidParameter"},
		"BadTracing":       {"t", map[string]string{"TracingConfig": "Sometimes"}, "InvalidParameter"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.SNS.CreateTopic(context.Background(), &sns.CreateTopicInput{Name: aws.String(tc.name), Attributes: tc.attrs})
			requireCode(t, err, tc.code)
		})
	}
	require.Empty(t, e.Sink.Items())
}

func TestFifoTopic(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "orders.fifo", map[string]string{"FifoTopic": "true"})
	attrs, err := e.SNS.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	require.Equal(t, "true", attrs.Attributes["FifoTopic"])
	require.Equal(t, "false", attrs.Attributes["ContentBasedDeduplication"])
	_, err = e.SNS.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: aws.String(arn),
		AttributeName: aws.String("FifoTopic"), AttributeValue: aws.String("false")})
	requireCode(t, err, "InvalidParameter")
}

func TestSetTopicAttributes(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "t", nil)
	set := func(name, value string) error {
		_, err := e.SNS.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: aws.String(arn),
			AttributeName: aws.String(name), AttributeValue: aws.String(value)})
		return err
	}
	require.NoError(t, set("KmsMasterKeyId", "arn:aws:kms:us-east-1:123456789012:key/k1"))
	it := e.Sink.Last(sandbox.ResourceTypeTopic, arn)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, "arn:aws:kms:us-east-1:123456789012:key/k1", it.Configuration["KmsMasterKeyId"])
	require.NoError(t, set("KmsMasterKeyId", ""))
	require.NotContains(t, e.Sink.Last(sandbox.ResourceTypeTopic, arn).Configuration, "KmsMasterKeyId")

	policy := `{"Version":"2012-10-17","Statement":[]}`
	require.NoError(t, set("Policy", policy))
	attrs, err := e.SNS.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	require.Equal(t, policy, attrs.Attributes["Policy"])
	require.NotContains(t, attrs.Attributes, "KmsMasterKeyId")

	requireCode(t, set("Nope", "x"), "InvalidParameter")
	requireCode(t, set("HTTPSuccessFeedbackSampleRate", "101"), "InvalidParameter")
	require.NoError(t, set("HTTPSuccessFeedbackSampleRate", "50"))
	_, err = e.SNS.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicArn: aws.String(arn + "x"),
		AttributeName: aws.String("DisplayName"), AttributeValue: aws.String("x")})
	requireCode(t, err, "NotFound")
}

func TestDeleteTopic(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "t", nil)
	_, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:123456789012:q")})
	require.NoError(t, err)
	_, err = e.SNS.DeleteTopic(ctx, &sns.DeleteTopicInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Sink.Last(sandbox.ResourceTypeTopic, arn).Status)
	subs, err := e.SNS.ListSubscriptions(ctx, &sns.ListSubscriptionsInput{})
	require.NoError(t, err)
	require.Empty(t, subs.Subscriptions, "a topic's subscriptions go with it")
	_, err = e.SNS.DeleteTopic(ctx, &sns.DeleteTopicInput{TopicArn: aws.String(arn)})
	require.NoError(t, err, "deleting a topic that does not exist succeeds")
	_, err = e.SNS.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	requireCode(t, err, "NotFound")
	_, err = e.SNS.DeleteTopic(ctx, &sns.DeleteTopicInput{TopicArn: aws.String("not-an-arn")})
	requireCode(t, err, "InvalidParameter")
}

func TestListTopics_PagesAndIsolation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for i := range 105 {
		createTopic(t, e, fmt.Sprintf("t%03d", i), nil)
	}
	var arns []string
	p := sns.NewListTopicsPaginator(e.SNS, &sns.ListTopicsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		for _, top := range out.Topics {
			arns = append(arns, *top.TopicArn)
		}
	}
	require.Len(t, arns, 105)
	require.Equal(t, "arn:aws:sns:us-east-1:123456789012:t104", arns[104])

	other, err := e.client("AKIDSALVETEST", "eu-west-1").ListTopics(ctx, &sns.ListTopicsInput{})
	require.NoError(t, err)
	require.Empty(t, other.Topics, "topics are per region")
	stranger := e.client("111122223333", "us-east-1")
	_, err = stranger.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(arns[0])})
	requireCode(t, err, "AuthorizationError")
	_, err = stranger.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arns[0]), Message: aws.String("m")})
	requireCode(t, err, "AuthorizationError")
	_, err = stranger.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arns[0]), Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:111122223333:q")})
	requireCode(t, err, "AuthorizationError")
	_, err = e.client("AKIDSALVETEST", "eu-west-1").GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(arns[0])})
	requireCode(t, err, "NotFound")
	_, err = e.SNS.ListTopics(ctx, &sns.ListTopicsInput{NextToken: aws.String("forged")})
	requireCode(t, err, "InvalidParameter")
}

func TestTopicTags(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.String(createTopic(t, e, "t", nil))
	_, err := e.SNS.TagResource(ctx, &sns.TagResourceInput{ResourceArn: arn, Tags: []types.Tag{
		{Key: aws.String("a"), Value: aws.String("1")}, {Key: aws.String("b"), Value: aws.String("2")}}})
	require.NoError(t, err)
	_, err = e.SNS.TagResource(ctx, &sns.TagResourceInput{ResourceArn: arn, Tags: []types.Tag{{Key: aws.String("a"), Value: aws.String("3")}}})
	require.NoError(t, err)
	_, err = e.SNS.UntagResource(ctx, &sns.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"b"}})
	require.NoError(t, err)
	out, err := e.SNS.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: arn})
	require.NoError(t, err)
	require.Equal(t, []types.Tag{{Key: aws.String("a"), Value: aws.String("3")}}, out.Tags)
	require.Equal(t, map[string]string{"a": "3"}, e.Sink.Last(sandbox.ResourceTypeTopic, *arn).Tags)

	many := make([]types.Tag, 51)
	for i := range many {
		many[i] = types.Tag{Key: aws.String(fmt.Sprintf("k%d", i)), Value: aws.String("v")}
	}
	_, err = e.SNS.TagResource(ctx, &sns.TagResourceInput{ResourceArn: arn, Tags: many})
	requireCode(t, err, "TagLimitExceeded")
	_, err = e.SNS.TagResource(ctx, &sns.TagResourceInput{ResourceArn: arn, Tags: []types.Tag{{Key: aws.String("aws:x"), Value: aws.String("v")}}})
	requireCode(t, err, "InvalidParameter")
	_, err = e.SNS.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: aws.String(*arn + "-gone")})
	requireCode(t, err, "ResourceNotFound")
}
