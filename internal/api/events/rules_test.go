package events_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/events"
)

func TestPutRule_DescribeRule(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := putRule(t, e, "orders", orderPattern)
	require.Equal(t, "arn:aws:events:us-east-1:123456789012:rule/orders", arn)

	got, err := e.EB.DescribeRule(ctx, &eventbridge.DescribeRuleInput{Name: aws.String("orders")})
	require.NoError(t, err)
	require.Equal(t, "orders", *got.Name)
	require.Equal(t, arn, *got.Arn)
	require.Equal(t, orderPattern, *got.EventPattern)
	require.Equal(t, types.RuleStateEnabled, got.State)
	require.Equal(t, "default", *got.EventBusName)
	require.Equal(t, "123456789012", *got.CreatedBy)
	require.Nil(t, got.ScheduleExpression)

	// An update replaces the definition: the state given, the description dropped.
	_, err = e.EB.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("orders"), EventPattern: aws.String(orderPattern),
		State: types.RuleStateDisabled, ScheduleExpression: aws.String("rate(5 minutes)")})
	require.NoError(t, err)
	got, err = e.EB.DescribeRule(ctx, &eventbridge.DescribeRuleInput{Name: aws.String("orders")})
	require.NoError(t, err)
	require.Equal(t, types.RuleStateDisabled, got.State)
	require.Equal(t, "rate(5 minutes)", *got.ScheduleExpression)
}

func TestPutRule_RecordsConfigurationItems(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := putRule(t, e, "orders", orderPattern)
	it := e.Sink.Last(events.ResourceTypeRule, arn)
	require.NotNil(t, it)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "orders", it.Configuration["Name"])
	require.Equal(t, map[string]any{"source": []any{"com.example.orders"}, "detail": map[string]any{"status": []any{"PLACED"}}},
		it.Configuration["EventPattern"])

	putTargets(t, e, "orders", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)})
	it = e.Sink.Last(events.ResourceTypeRule, arn)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, []any{map[string]any{"Id": "fn", "Arn": lambdaARN}}, it.Configuration["Targets"])

	_, err := e.EB.DeleteRule(ctx, &eventbridge.DeleteRuleInput{Name: aws.String("orders"), Force: true})
	require.NoError(t, err)
	it = e.Sink.Last(events.ResourceTypeRule, arn)
	require.Equal(t, configitem.StatusResourceDeleted, it.Status)
	require.Nil(t, it.Configuration)
	require.Equal(t, 3, e.Sink.ChangedCalls())
}

func TestPutRule_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	long := strings.Repeat("a", 65)
	cases := []struct {
		name    string
		in      eventbridge.PutRuleInput
		code    string
		message string
	}{
		{"BadName", eventbridge.PutRuleInput{Name: aws.String("bad name"), EventPattern: aws.String(orderPattern)},
			"ValidationException", "Value 'bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"LongName", eventbridge.PutRuleInput{Name: aws.String(long), EventPattern: aws.String(orderPattern)},
			"ValidationException", "Member must have length less than or equal to 64"},
		{"NeitherPatternNorSchedule", eventbridge.PutRuleInput{Name: aws.String("r")},
			"ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified."},
		{"PatternNotJSON", eventbridge.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String("{")},
			"InvalidEventPatternException", "Event pattern is not valid."},
		{"PatternValueNotArray", eventbridge.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(`{"source":"aws.ec2"}`)},
			"InvalidEventPatternException", "Event pattern is not valid."},
		{"BadState", eventbridge.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(orderPattern), State: "ON"},
			"ValidationException", "Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]"},
		{"BadSchedule", eventbridge.PutRuleInput{Name: aws.String("r"), ScheduleExpression: aws.String("rate(1 minutes)")},
			"ValidationException", "Parameter ScheduleExpression is not valid."},
		{"FiveFieldCron", eventbridge.PutRuleInput{Name: aws.String("r"), ScheduleExpression: aws.String("cron(0 12 * * ?)")},
			"ValidationException", "Parameter ScheduleExpression is not valid."},
		{"UnknownBus", eventbridge.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(orderPattern), EventBusName: aws.String("nope")},
			"ResourceNotFoundException", "Event bus nope does not exist."},
		{"LongDescription", eventbridge.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(orderPattern), Description: aws.String(strings.Repeat("d", 513))},
			"ValidationException", "at 'description' failed to satisfy constraint: Member must have length less than or equal to 512"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.EB.PutRule(context.Background(), &c.in)
			require.Contains(t, requireCode(t, err, c.code), c.message)
		})
	}
}

func TestPutRule_ScheduleOnlyOnDefaultBus(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.EB.CreateEventBus(ctx, &eventbridge.CreateEventBusInput{Name: aws.String("team")})
	require.NoError(t, err)
	_, err = e.EB.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("nightly"), EventBusName: aws.String("team"),
		ScheduleExpression: aws.String("cron(0 2 * * ? *)")})
	require.Contains(t, requireCode(t, err, "ValidationException"), "ScheduleExpression is supported only on the default event bus.")
	_, err = e.EB.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("nightly"), ScheduleExpression: aws.String("cron(0 2 * * ? *)")})
	require.NoError(t, err)
}

func TestListRules_PrefixAndPaging(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for _, n := range []string{"orders-a", "orders-b", "orders-c", "billing"} {
		putRule(t, e, n, orderPattern)
	}
	var names []string
	var token *string
	for {
		out, err := e.EB.ListRules(ctx, &eventbridge.ListRulesInput{NamePrefix: aws.String("orders-"), Limit: aws.Int32(2), NextToken: token})
		require.NoError(t, err)
		for _, r := range out.Rules {
			names = append(names, *r.Name)
			require.Equal(t, "default", *r.EventBusName)
		}
		if token = out.NextToken; token == nil {
			break
		}
	}
	require.Equal(t, []string{"orders-a", "orders-b", "orders-c"}, names)

	all, err := e.EB.ListRules(ctx, &eventbridge.ListRulesInput{})
	require.NoError(t, err)
	require.Len(t, all.Rules, 4)

	_, err = e.EB.ListRules(ctx, &eventbridge.ListRulesInput{NextToken: aws.String("forged")})
	requireCode(t, err, "ValidationException")
	_, err = e.EB.ListRules(ctx, &eventbridge.ListRulesInput{Limit: aws.Int32(101)})
	requireCode(t, err, "ValidationException")
}

func TestDescribeRule_NotFound(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.EB.DescribeRule(context.Background(), &eventbridge.DescribeRuleInput{Name: aws.String("ghost")})
	require.Equal(t, "Rule ghost does not exist on EventBus default.", requireCode(t, err, "ResourceNotFoundException"))
}

func TestDeleteRule(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)})

	_, err := e.EB.DeleteRule(ctx, &eventbridge.DeleteRuleInput{Name: aws.String("orders")})
	require.Equal(t, "Rule can't be deleted since it has targets.", requireCode(t, err, "ValidationException"))

	_, err = e.EB.RemoveTargets(ctx, &eventbridge.RemoveTargetsInput{Rule: aws.String("orders"), Ids: []string{"fn"}})
	require.NoError(t, err)
	_, err = e.EB.DeleteRule(ctx, &eventbridge.DeleteRuleInput{Name: aws.String("orders")})
	require.NoError(t, err)
	_, err = e.EB.DescribeRule(ctx, &eventbridge.DescribeRuleInput{Name: aws.String("orders")})
	requireCode(t, err, "ResourceNotFoundException")

	// Deleting a rule that does not exist succeeds, as in AWS.
	_, err = e.EB.DeleteRule(ctx, &eventbridge.DeleteRuleInput{Name: aws.String("orders")})
	require.NoError(t, err)
}

func TestEnableDisableRule(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)})

	_, err := e.EB.DisableRule(ctx, &eventbridge.DisableRuleInput{Name: aws.String("orders")})
	require.NoError(t, err)
	putEvent(t, e, "com.example.orders", "Order", `{"status":"PLACED"}`)
	require.Zero(t, e.tick(t), "a disabled rule matches nothing")

	_, err = e.EB.EnableRule(ctx, &eventbridge.EnableRuleInput{Name: aws.String("orders")})
	require.NoError(t, err)
	got, err := e.EB.DescribeRule(ctx, &eventbridge.DescribeRuleInput{Name: aws.String("orders")})
	require.NoError(t, err)
	require.Equal(t, types.RuleStateEnabled, got.State)
	putEvent(t, e, "com.example.orders", "Order", `{"status":"PLACED"}`)
	require.Equal(t, 1, e.tick(t))
	require.Len(t, e.Functions.Calls(), 1)

	_, err = e.EB.EnableRule(ctx, &eventbridge.EnableRuleInput{Name: aws.String("ghost")})
	requireCode(t, err, "ResourceNotFoundException")
}

func TestPutRule_LimitPerBus(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for i := range events.DefaultMaxRules {
		_, err := e.Domain.PutRule(ctx, home, events.PutRuleParams{Name: "r" + strings.Repeat("x", i%3) + string(rune('a'+i%26)) + itoa(i),
			EventPattern: aws.String(orderPattern)})
		require.NoError(t, err)
	}
	_, err := e.EB.PutRule(ctx, &eventbridge.PutRuleInput{Name: aws.String("one-too-many"), EventPattern: aws.String(orderPattern)})
	require.Equal(t, "The requested resource exceeds the maximum number allowed.", requireCode(t, err, "LimitExceededException"))
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}
