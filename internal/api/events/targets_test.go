package events_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"
)

func TestPutTargets_ListTargetsByRule(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders",
		types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN),
			RetryPolicy:      &types.RetryPolicy{MaximumRetryAttempts: aws.Int32(3), MaximumEventAgeInSeconds: aws.Int32(600)},
			DeadLetterConfig: &types.DeadLetterConfig{Arn: aws.String("arn:aws:sqs:us-east-1:123456789012:dlq")}},
		types.Target{Id: aws.String("topic"), Arn: aws.String(topicARN), InputTransformer: &types.InputTransformer{
			InputPathsMap: map[string]string{"status": "$.detail.status"}, InputTemplate: aws.String(`"Order is <status>"`)}},
		types.Target{Id: aws.String("hook"), Arn: aws.String("https://hooks.example.com/orders"), Input: aws.String(`{"fixed":true}`),
			HttpParameters: &types.HttpParameters{HeaderParameters: map[string]string{"X-Team": "ops"}}})

	out, err := e.EB.ListTargetsByRule(ctx, &eventbridge.ListTargetsByRuleInput{Rule: aws.String("orders")})
	require.NoError(t, err)
	require.Len(t, out.Targets, 3)
	require.Equal(t, "fn", *out.Targets[0].Id)
	require.Equal(t, int32(3), *out.Targets[0].RetryPolicy.MaximumRetryAttempts)
	require.Equal(t, "arn:aws:sqs:us-east-1:123456789012:dlq", *out.Targets[0].DeadLetterConfig.Arn)
	require.Equal(t, `"Order is <status>"`, *out.Targets[1].InputTransformer.InputTemplate)
	require.Equal(t, "$.detail.status", out.Targets[1].InputTransformer.InputPathsMap["status"])
	require.Equal(t, `{"fixed":true}`, *out.Targets[2].Input)
	require.Equal(t, "ops", out.Targets[2].HttpParameters.HeaderParameters["X-Team"])

	// Same id again replaces the target.
	putTargets(t, e, "orders", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN + ":live")})
	page, err := e.EB.ListTargetsByRule(ctx, &eventbridge.ListTargetsByRuleInput{Rule: aws.String("orders"), Limit: aws.Int32(2)})
	require.NoError(t, err)
	require.Len(t, page.Targets, 2)
	require.Equal(t, lambdaARN+":live", *page.Targets[0].Arn)
	require.Nil(t, page.Targets[0].RetryPolicy)
	require.NotNil(t, page.NextToken)
	rest, err := e.EB.ListTargetsByRule(ctx, &eventbridge.ListTargetsByRuleInput{Rule: aws.String("orders"), NextToken: page.NextToken})
	require.NoError(t, err)
	require.Len(t, rest.Targets, 1)
	require.Equal(t, "hook", *rest.Targets[0].Id)
	require.Nil(t, rest.NextToken)
}

func TestPutTargets_FailedEntries(t *testing.T) {
	t.Parallel()
	e := setup(t)
	putRule(t, e, "orders", orderPattern)
	out, err := e.EB.PutTargets(context.Background(), &eventbridge.PutTargetsInput{Rule: aws.String("orders"), Targets: []types.Target{
		{Id: aws.String("ok"), Arn: aws.String(lambdaARN)},
		{Id: aws.String("queue"), Arn: aws.String("arn:aws:sqs:us-east-1:123456789012:q")},
		{Id: aws.String("elsewhere"), Arn: aws.String("arn:aws:lambda:eu-west-1:123456789012:function:f")},
		{Id: aws.String("garbage"), Arn: aws.String("not-an-arn")},
		{Id: aws.String("theirs"), Arn: aws.String("arn:aws:sns:us-east-1:111122223333:their-topic")},
	}})
	require.NoError(t, err)
	require.Equal(t, int32(4), out.FailedEntryCount)
	ids := []string{}
	for _, f := range out.FailedEntries {
		ids = append(ids, *f.TargetId)
		require.Equal(t, "ValidationException", *f.ErrorCode)
		require.NotEmpty(t, *f.ErrorMessage)
	}
	require.Equal(t, []string{"queue", "elsewhere", "garbage", "theirs"}, ids)
	require.Contains(t, *out.FailedEntries[3].ErrorMessage, "is not in the rule's account 123456789012")
	list, err := e.EB.ListTargetsByRule(context.Background(), &eventbridge.ListTargetsByRuleInput{Rule: aws.String("orders")})
	require.NoError(t, err)
	require.Len(t, list.Targets, 1, "the valid target is applied")
}

func TestPutTargets_Limits(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	putRule(t, e, "orders", orderPattern)
	targets := func(n int) []types.Target {
		var out []types.Target
		for i := range n {
			out = append(out, types.Target{Id: aws.String(fmt.Sprint("t", i)), Arn: aws.String(lambdaARN)})
		}
		return out
	}
	_, err := e.EB.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("orders"), Targets: targets(6)})
	require.Equal(t, "The requested resource exceeds the maximum number allowed.", requireCode(t, err, "LimitExceededException"))
	_, err = e.EB.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("orders"), Targets: targets(11)})
	require.Contains(t, requireCode(t, err, "ValidationException"), "at 'targets' failed to satisfy constraint: Member must have length less than or equal to 10")
	_, err = e.EB.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: aws.String("orders"), Targets: targets(5)})
	require.NoError(t, err)
	list, err := e.EB.ListTargetsByRule(ctx, &eventbridge.ListTargetsByRuleInput{Rule: aws.String("orders")})
	require.NoError(t, err)
	require.Len(t, list.Targets, 5)
}

func TestPutTargets_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	putRule(t, e, "orders", orderPattern)
	lambda := func(mod func(*types.Target)) []types.Target {
		tg := types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)}
		mod(&tg)
		return []types.Target{tg}
	}
	cases := []struct {
		name    string
		rule    string
		targets []types.Target
		code    string
		message string
	}{
		{"UnknownRule", "ghost", lambda(func(*types.Target) {}), "ResourceNotFoundException", "Rule ghost does not exist on EventBus default."},
		{"BadID", "orders", lambda(func(t *types.Target) { t.Id = aws.String("a b") }), "ValidationException",
			"Value 'a b' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"RetryTooMany", "orders", lambda(func(t *types.Target) {
			t.RetryPolicy = &types.RetryPolicy{MaximumRetryAttempts: aws.Int32(186)}
		}), "ValidationException", "at 'targets.1.member.retryPolicy.maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 185"},
		{"AgeTooShort", "orders", lambda(func(t *types.Target) {
			t.RetryPolicy = &types.RetryPolicy{MaximumEventAgeInSeconds: aws.Int32(59)}
		}), "ValidationException", "Member must have value greater than or equal to 60"},
		{"InputNotJSON", "orders", lambda(func(t *types.Target) { t.Input = aws.String("{nope") }), "ValidationException",
			"Input for target fn is not valid JSON text."},
		{"TwoInputs", "orders", lambda(func(t *types.Target) { t.Input, t.InputPath = aws.String("{}"), aws.String("$.detail") }),
			"ValidationException", "Only one of Input, InputPath, or InputTransformer can be specified for target fn."},
		{"BadInputPath", "orders", lambda(func(t *types.Target) { t.InputPath = aws.String("detail") }), "ValidationException",
			"InputPath for target fn is not a valid JSON path"},
		{"BadTemplateJSON", "orders", lambda(func(t *types.Target) {
			t.InputTransformer = &types.InputTransformer{InputPathsMap: map[string]string{"s": "$.detail.status"},
				InputTemplate: aws.String(`{"status": <s>,}`)}
		}), "ValidationException", "Invalid InputTemplate for target fn"},
		{"BadTransformerPath", "orders", lambda(func(t *types.Target) {
			t.InputTransformer = &types.InputTransformer{InputPathsMap: map[string]string{"s": "detail"}, InputTemplate: aws.String("<s>")}
		}), "ValidationException", "InputPathsMap for target fn has an invalid JSON path for s: detail"},
		{"LongInput", "orders", lambda(func(t *types.Target) { t.Input = aws.String(`"` + strings.Repeat("x", 8192) + `"`) }),
			"ValidationException", "at 'targets.1.member.input' failed to satisfy constraint: Member must have length less than or equal to 8192"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.EB.PutTargets(context.Background(), &eventbridge.PutTargetsInput{Rule: aws.String(c.rule), Targets: c.targets})
			require.Contains(t, requireCode(t, err, c.code), c.message)
		})
	}
}

func TestRemoveTargets(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders", types.Target{Id: aws.String("a"), Arn: aws.String(lambdaARN)},
		types.Target{Id: aws.String("b"), Arn: aws.String(topicARN)})
	out, err := e.EB.RemoveTargets(ctx, &eventbridge.RemoveTargetsInput{Rule: aws.String("orders"), Ids: []string{"a", "unknown"}})
	require.NoError(t, err)
	require.Zero(t, out.FailedEntryCount)
	list, err := e.EB.ListTargetsByRule(ctx, &eventbridge.ListTargetsByRuleInput{Rule: aws.String("orders")})
	require.NoError(t, err)
	require.Len(t, list.Targets, 1)
	require.Equal(t, "b", *list.Targets[0].Id)

	_, err = e.EB.RemoveTargets(ctx, &eventbridge.RemoveTargetsInput{Rule: aws.String("ghost"), Ids: []string{"a"}})
	requireCode(t, err, "ResourceNotFoundException")
}

func TestListRuleNamesByTarget(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for _, n := range []string{"c", "a", "b"} {
		putRule(t, e, n, orderPattern)
	}
	putTargets(t, e, "a", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)})
	putTargets(t, e, "c", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)})
	putTargets(t, e, "b", types.Target{Id: aws.String("topic"), Arn: aws.String(topicARN)})

	out, err := e.EB.ListRuleNamesByTarget(ctx, &eventbridge.ListRuleNamesByTargetInput{TargetArn: aws.String(lambdaARN), Limit: aws.Int32(1)})
	require.NoError(t, err)
	require.Equal(t, []string{"a"}, out.RuleNames)
	out, err = e.EB.ListRuleNamesByTarget(ctx, &eventbridge.ListRuleNamesByTargetInput{TargetArn: aws.String(lambdaARN), NextToken: out.NextToken})
	require.NoError(t, err)
	require.Equal(t, []string{"c"}, out.RuleNames)
	require.Nil(t, out.NextToken)

	none, err := e.EB.ListRuleNamesByTarget(ctx, &eventbridge.ListRuleNamesByTargetInput{TargetArn: aws.String("arn:aws:sns:us-east-1:123456789012:other")})
	require.NoError(t, err)
	require.Empty(t, none.RuleNames)
}
