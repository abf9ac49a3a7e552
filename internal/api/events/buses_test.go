package events_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/events"
)

func TestEventBus_Lifecycle(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.EB.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String("team"),
		Description: aws.String("team events"), Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("dev")}}})
	require.NoError(t, err)
	busARN := "arn:aws:events:us-east-1:123456789012:event-bus/team"
	require.Equal(t, busARN, *out.EventBusArn)
	require.Equal(t, configitem.StatusResourceDiscovered, e.Sink.Last(events.ResourceTypeBus, "team").Status)

	_, err = e.EB.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String("team")})
	require.Equal(t, "Event bus team already exists.", requireCode(t, err, "ResourceAlreadyExistsException"))
	_, err = e.EB.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String("default")})
	requireCode(t, err, "ResourceAlreadyExistsException")

	got, err := e.EB.DescribeEventBus(ctx, &eventbridge.DescribeEventBusInput{Name: aws.String(busARN)})
	require.NoError(t, err)
	require.Equal(t, "team", *got.Name)
	require.Equal(t, "team events", *got.Description)
	require.Equal(t, start, got.CreationTime.UTC())
	def, err := e.EB.DescribeEventBus(ctx, &eventbridge.DescribeEventBusInput{})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:events:us-east-1:123456789012:event-bus/default", *def.Arn)

	list, err := e.EB.ListEventBuses(ctx, &eventbridge.ListEventBusesInput{})
	require.NoError(t, err)
	require.Len(t, list.EventBuses, 2)
	require.Equal(t, "default", *list.EventBuses[0].Name)
	require.Equal(t, "team", *list.EventBuses[1].Name)

	// A rule on the bus: its ARN names the bus, and events put on the bus reach it.
	rule, err := e.EB.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("orders"), EventBusName: aws.String("team"),
		EventPattern: aws.String(orderPattern)})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:events:us-east-1:123456789012:rule/team/orders", *rule.RuleArn)
	_, err = e.EB.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("orders"), EventBusName: aws.String("team"),
		Targets: []types.Target{{Id: aws.String("fn"), Arn: aws.String(lambdaARN)}}})
	require.NoError(t, err)
	putEvent(t, e, "com.example.orders", "Order", `{"status":"PLACED"}`)
	require.Zero(t, e.tick(t), "an event on the default bus does not reach the team bus")
	res, err := e.EB.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []types.PutEventsRequestEntry{{Source: aws.String("com.example.orders"),
		DetailType: aws.String("Order"), Detail: aws.String(`{"status":"PLACED"}`), EventBusName: aws.String(busARN)}}})
	require.NoError(t, err)
	require.Zero(t, res.FailedEntryCount)
	require.Equal(t, 1, e.tick(t))

	_, err = e.EB.DeleteEventBus(ctx, &eventbridge.DeleteEventBusInput{Name: aws.String("team")})
	require.Contains(t, requireCode(t, err, "ValidationException"), "still has rules")
	_, err = e.EB.DeleteRule(ctx, &eventbridge.DeleteRuleInput{Name: aws.String("orders"), EventBusName: aws.String("team"), Force: true})
	require.NoError(t, err)
	_, err = e.EB.DeleteEventBus(ctx, &eventbridge.DeleteEventBusInput{Name: aws.String("team")})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Sink.Last(events.ResourceTypeBus, "team").Status)
	_, err = e.EB.DescribeEventBus(ctx, &eventbridge.DescribeEventBusInput{Name: aws.String("team")})
	require.Equal(t, "Event bus team does not exist.", requireCode(t, err, "ResourceNotFoundException"))
	_, err = e.EB.DeleteEventBus(ctx, &eventbridge.DeleteEventBusInput{Name: aws.String("default")})
	requireCode(t, err, "ValidationException")
}

func TestTags(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.EB.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("orders"), EventPattern: aws.String(orderPattern),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("ops")}}})
	require.NoError(t, err)
	arn := out.RuleArn

	_, err = e.EB.TagResource(ctx, &eventbridge.TagResourceInput{ResourceARN: arn, Tags: []types.Tag{
		{Key: aws.String("env"), Value: aws.String("dev")}, {Key: aws.String("team"), Value: aws.String("sec")}}})
	require.NoError(t, err)
	tags, err := e.EB.ListTagsForResource(ctx, &eventbridge.ListTagsForResourceInput{ResourceARN: arn})
	require.NoError(t, err)
	require.Equal(t, []types.Tag{{Key: aws.String("env"), Value: aws.String("dev")}, {Key: aws.String("team"), Value: aws.String("sec")}}, tags.Tags)
	require.Equal(t, map[string]string{"env": "dev", "team": "sec"}, e.Sink.Last(events.ResourceTypeRule, *arn).Tags)

	_, err = e.EB.UntagResource(ctx, &eventbridge.UntagResourceInput{ResourceARN: arn, TagKeys: []string{"team"}})
	require.NoError(t, err)
	tags, err = e.EB.ListTagsForResource(ctx, &eventbridge.ListTagsForResourceInput{ResourceARN: arn})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 1)

	// A PutRule update keeps the rule's tags.
	putRule(t, e, "orders", orderPattern)
	tags, err = e.EB.ListTagsForResource(ctx, &eventbridge.ListTagsForResourceInput{ResourceARN: arn})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 1)

	_, err = e.EB.TagResource(ctx, &eventbridge.TagResourceInput{ResourceARN: arn, Tags: []types.Tag{{Key: aws.String("aws:x"), Value: aws.String("y")}}})
	requireCode(t, err, "ValidationException")
	_, err = e.EB.ListTagsForResource(ctx, &eventbridge.ListTagsForResourceInput{ResourceARN: aws.String("arn:aws:events:us-east-1:123456789012:rule/ghost")})
	requireCode(t, err, "ResourceNotFoundException")
}
