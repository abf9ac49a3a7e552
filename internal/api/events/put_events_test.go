package events_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/events"
)

func TestPutEvents_DeliversTheEnvelope(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	ruleARN := putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)},
		types.Target{Id: aws.String("topic"), Arn: aws.String(topicARN)})
	at := time.Date(2026, 10, 31, 8, 30, 15, 0, time.UTC)
	out, err := e.EB.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []types.PutEventsRequestEntry{{
		Source: aws.String("com.example.orders"), DetailType: aws.String("Order Placed"), Time: &at,
		Detail: aws.String(`{"status":"PLACED","total":12.5,"note":"<b>&"}`), Resources: []string{"arn:aws:s3:::orders"}}}})
	require.NoError(t, err)
	require.Zero(t, out.FailedEntryCount)
	id := *out.Entries[0].EventId

	queued, err := e.Domain.Deliveries(ctx, home, "orders")
	require.NoError(t, err)
	require.Len(t, queued, 2)
	require.Equal(t, ruleARN, queued[0].RuleARN)
	require.Equal(t, 2, e.tick(t))
	queued, err = e.Domain.Deliveries(ctx, home, "")
	require.NoError(t, err)
	require.Empty(t, queued, "delivered deliveries are removed")

	calls := e.Functions.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, "fix-bucket", calls[0].Name)
	require.Equal(t, home, calls[0].Scope)
	want := `{"version":"0","id":"` + id + `","detail-type":"Order Placed","source":"com.example.orders",` +
		`"account":"123456789012","time":"2026-10-31T08:30:15Z","region":"us-east-1","resources":["arn:aws:s3:::orders"],` +
		`"detail":{"status":"PLACED","total":12.5,"note":"<b>&"}}`
	require.Equal(t, want, calls[0].Payload)
	sns := e.SNS.Calls()
	require.Len(t, sns, 1)
	require.Equal(t, topicARN, sns[0].Name)
	require.Equal(t, want, sns[0].Payload)
}

func TestPutEvents_NoMatchNoDelivery(t *testing.T) {
	t.Parallel()
	e := setup(t)
	putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders", types.Target{Id: aws.String("fn"), Arn: aws.String(lambdaARN)})
	putEvent(t, e, "com.example.orders", "Order", `{"status":"SHIPPED"}`)
	putEvent(t, e, "com.example.billing", "Order", `{"status":"PLACED"}`)
	require.Zero(t, e.tick(t))
	require.Empty(t, e.Functions.Calls())
}

func TestPutEvents_EntryErrors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	entry := func(source, detailType string, detail *string) types.PutEventsRequestEntry {
		return types.PutEventsRequestEntry{Source: aws.String(source), DetailType: aws.String(detailType), Detail: detail}
	}
	out, err := e.EB.PutEvents(context.Background(), &eventbridge.PutEventsInput{Entries: []types.PutEventsRequestEntry{
		entry("", "T", aws.String("{}")),
		entry("s", "", aws.String("{}")),
		entry("s", "T", nil),
		entry("s", "T", aws.String(`["not","an","object"]`)),
		entry("aws.config", "Config Rules Compliance Change", aws.String("{}")),
		{Source: aws.String("s"), DetailType: aws.String("T"), Detail: aws.String("{}"), EventBusName: aws.String("ghost")},
		entry("s", "T", aws.String(`{"ok":true}`)),
	}})
	require.NoError(t, err)
	require.Equal(t, int32(6), out.FailedEntryCount)
	type result struct{ code, message string }
	var got []result
	for _, r := range out.Entries[:6] {
		require.Nil(t, r.EventId)
		got = append(got, result{*r.ErrorCode, *r.ErrorMessage})
	}
	require.Equal(t, []result{
		{"InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument."},
		{"InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument."},
		{"InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument."},
		{"MalformedDetail", "Detail is malformed."},
		{"NotAuthorizedForSourceException", "Not authorized for the source."},
		{"ResourceNotFoundException", "Event bus ghost does not exist."},
	}, got)
	require.NotEmpty(t, *out.Entries[6].EventId)
}

func TestPutEvents_RequestLimits(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	var eleven []types.PutEventsRequestEntry
	for range 11 {
		eleven = append(eleven, types.PutEventsRequestEntry{Source: aws.String("s"), DetailType: aws.String("T"), Detail: aws.String("{}")})
	}
	_, err := e.EB.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: eleven})
	require.Contains(t, requireCode(t, err, "ValidationException"), "at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10")

	big := `{"x":"` + strings.Repeat("a", events.MaxPutEventsBytes) + `"}`
	_, err = e.EB.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []types.PutEventsRequestEntry{
		{Source: aws.String("s"), DetailType: aws.String("T"), Detail: aws.String(big)}}})
	require.Equal(t, "Total size of the entries in the request is over the limit.", requireCode(t, err, "ValidationException"))
}

func TestPutEvents_InputTransformations(t *testing.T) {
	t.Parallel()
	e := setup(t)
	putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders",
		types.Target{Id: aws.String("text"), Arn: aws.String(lambdaARN), InputTransformer: &types.InputTransformer{
			InputPathsMap: map[string]string{"status": "$.detail.status", "id": "$.detail.id"},
			InputTemplate: aws.String(`"Order <id> is <status>"`)}},
		types.Target{Id: aws.String("json"), Arn: aws.String(lambdaARN + ":live"), InputTransformer: &types.InputTransformer{
			InputPathsMap: map[string]string{"status": "$.detail.status", "items": "$.detail.items", "missing": "$.detail.nope"},
			InputTemplate: aws.String(`{"s": "<status>", "items": <items>, "gone": <missing>, "rule": "<aws.events.rule-name>", "said": "he said \"<status>\""}`)}},
		types.Target{Id: aws.String("path"), Arn: aws.String(topicARN), InputPath: aws.String("$.detail.items[1]")},
		types.Target{Id: aws.String("const"), Arn: aws.String(topicARN + "-2"), Input: aws.String(`{"constant":1}`)},
	)
	putEvent(t, e, "com.example.orders", "Order", `{"status":"PLACED","id":"o-1","items":[{"sku":"a"},{"sku":"b"}]}`)
	require.Equal(t, 4, e.tick(t))

	byName := map[string]string{}
	for _, c := range append(e.Functions.Calls(), e.SNS.Calls()...) {
		byName[c.Name] = c.Payload
	}
	require.Equal(t, `"Order o-1 is PLACED"`, byName["fix-bucket"])
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(byName["fix-bucket:live"]), &got), byName["fix-bucket:live"])
	require.Equal(t, map[string]any{"s": "PLACED", "items": []any{map[string]any{"sku": "a"}, map[string]any{"sku": "b"}},
		"gone": nil, "rule": "orders", "said": `he said "PLACED"`}, got)
	require.Equal(t, `{"sku":"b"}`, byName[topicARN])
	require.Equal(t, `{"constant":1}`, byName[topicARN+"-2"])
}

func TestPutEvents_HTTPTargetsGoToTheHTTPWorker(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ruleARN := putRule(t, e, "orders", orderPattern)
	putTargets(t, e, "orders", types.Target{Id: aws.String("hook"), Arn: aws.String("https://hooks.example.com/o?a=1"),
		RetryPolicy:    &types.RetryPolicy{MaximumRetryAttempts: aws.Int32(4), MaximumEventAgeInSeconds: aws.Int32(120)},
		HttpParameters: &types.HttpParameters{HeaderParameters: map[string]string{"X-Team": "ops"}, QueryStringParameters: map[string]string{"b": "2"}}})
	id := putEvent(t, e, "com.example.orders", "Order", `{"status":"PLACED"}`)

	hs := e.HTTP.Deliveries()
	require.Len(t, hs, 1)
	h := hs[0]
	require.Equal(t, "https://hooks.example.com/o?a=1&b=2", h.URL)
	require.Equal(t, map[string]string{"Content-Type": "application/json", "X-Salve-Rule-Arn": ruleARN, "X-Team": "ops"}, h.Headers)
	require.Equal(t, 4, h.MaxRetries)
	require.Equal(t, 2*time.Minute, h.MaxAge)
	require.Equal(t, events.DefaultHTTPTimeout, h.Timeout)
	require.Equal(t, id, h.EventID)
	require.Contains(t, string(h.Body), `"detail":{"status":"PLACED"}`)
	require.Zero(t, e.tick(t), "HTTP deliveries are not in the Lambda/SNS queue")
	require.Equal(t, 1, e.HTTP.Wakes(), "the HTTP worker is woken after the commit")
}

func TestTestEventPattern(t *testing.T) {
	t.Parallel()
	e := setup(t)
	event := `{"id":"1","account":"123456789012","source":"com.example.orders","time":"2026-01-01T00:00:00Z",` +
		`"region":"us-east-1","resources":[],"detail-type":"Order","detail":{"status":"PLACED"}}`
	cases := []struct {
		name, pattern, event string
		want                 bool
		code, message        string
	}{
		{"Match", orderPattern, event, true, "", ""},
		{"NoMatch", `{"detail":{"status":["SHIPPED"]}}`, event, false, "", ""},
		{"Prefix", `{"source":[{"prefix":"com.example."}]}`, event, true, "", ""},
		{"InvalidPattern", `{"source":"x"}`, event, false, "InvalidEventPatternException", "Event pattern is not valid."},
		{"EventNotJSON", orderPattern, "{", false, "ValidationException", "Parameter Event is not valid."},
		{"EventMissingField", orderPattern, `{"id":"1"}`, false, "ValidationException", "missing required field account"},
		{"EventBadTime", orderPattern, strings.Replace(event, "2026-01-01T00:00:00Z", "yesterday", 1), false,
			"ValidationException", "Invalid time"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			out, err := e.EB.TestEventPattern(context.Background(), &eventbridge.TestEventPatternInput{
				EventPattern: aws.String(c.pattern), Event: aws.String(c.event)})
			if c.code != "" {
				require.Contains(t, requireCode(t, err, c.code), c.message)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, out.Result)
		})
	}
}

func TestAccountsAreIsolated(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	putRule(t, e, "orders", orderPattern)
	other := e.client("111122223333", "us-east-1")
	_, err := other.DescribeRule(ctx, &eventbridge.DescribeRuleInput{Name: aws.String("orders")})
	requireCode(t, err, "ResourceNotFoundException")
	west := e.client("AKIDSALVETEST", "us-west-2")
	list, err := west.ListRules(ctx, &eventbridge.ListRulesInput{})
	require.NoError(t, err)
	require.Empty(t, list.Rules)
}
