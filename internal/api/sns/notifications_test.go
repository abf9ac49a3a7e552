package sns_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/require"

	apisns "github.com/salvehq/salve/internal/api/sns"
	"github.com/salvehq/salve/internal/delivery"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

// post is one POST an endpoint received.
type post struct {
	Header http.Header
	Body   []byte
}

// endpoint is an http subscriber: it keeps every POST and answers with
// status (200 unless changed).
type endpoint struct {
	*httptest.Server
	mu     sync.Mutex
	posts  []post
	status int
}

func newEndpoint(t *testing.T) *endpoint {
	t.Helper()
	ep := &endpoint{status: http.StatusOK}
	ep.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ep.mu.Lock()
		defer ep.mu.Unlock()
		ep.posts = append(ep.posts, post{Header: r.Header.Clone(), Body: body})
		w.WriteHeader(ep.status)
	}))
	t.Cleanup(ep.Close)
	return ep
}

// last returns the last POST decoded as an SNS message.
func (ep *endpoint) last(t *testing.T) (post, sandbox.Message) {
	t.Helper()
	ep.mu.Lock()
	defer ep.mu.Unlock()
	require.NotEmpty(t, ep.posts)
	p := ep.posts[len(ep.posts)-1]
	var m sandbox.Message
	require.NoError(t, json.Unmarshal(p.Body, &m), string(p.Body))
	return p, m
}

func (ep *endpoint) count() int {
	ep.mu.Lock()
	defer ep.mu.Unlock()
	return len(ep.posts)
}

// visit fetches a URL of a message as a subscriber would: a plain GET,
// unsigned.
func visit(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	return string(body)
}

// TestHTTPSubscription_ConfirmAndNotify: the endpoint receives AWS's
// SubscriptionConfirmation, confirms by fetching its SubscribeURL, then
// receives every Notification until it fetches an UnsubscribeURL.
func TestHTTPSubscription_ConfirmAndNotify(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	ep := newEndpoint(t)
	arn := createTopic(t, e, "alerts", nil)
	out, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("http"),
		Endpoint: aws.String(ep.URL + "/sns")})
	require.NoError(t, err)
	require.Equal(t, "pending confirmation", *out.SubscriptionArn)

	e.deliver(t, 1)
	p, m := ep.last(t)
	require.Equal(t, "SubscriptionConfirmation", p.Header.Get("x-amz-sns-message-type"))
	require.Equal(t, m.MessageID, p.Header.Get("x-amz-sns-message-id"))
	require.Equal(t, arn, p.Header.Get("x-amz-sns-topic-arn"))
	require.Empty(t, p.Header.Get("x-amz-sns-subscription-arn"))
	require.Equal(t, "text/plain; charset=UTF-8", p.Header.Get("Content-Type"))
	require.Equal(t, "Amazon Simple Notification Service Agent", p.Header.Get("User-Agent"))
	require.Equal(t, "SubscriptionConfirmation", m.Type)
	require.Equal(t, arn, m.TopicARN)
	require.NotEmpty(t, m.Token)
	require.Equal(t, "You have chosen to subscribe to the topic "+arn+".\nTo confirm the subscription, visit the SubscribeURL included in this message.", m.Message)
	require.Equal(t, e.URL+"/?Action=ConfirmSubscription&TopicArn="+arn+"&Token="+m.Token, m.SubscribeURL)
	require.Equal(t, "2026-11-01T12:00:00.000Z", m.Timestamp)
	requireSigned(t, m)
	requireOrder(t, p.Body, "Type", "MessageId", "Token", "TopicArn", "Message", "SubscribeURL", "Timestamp",
		"SignatureVersion", "Signature", "SigningCertURL")

	// Nothing reaches a pending subscription.
	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("early")})
	require.NoError(t, err)
	e.deliver(t, 0)

	var confirmed struct {
		SubscriptionArn string `xml:"ConfirmSubscriptionResult>SubscriptionArn"`
	}
	require.NoError(t, xml.Unmarshal([]byte(visit(t, m.SubscribeURL)), &confirmed))
	require.True(t, strings.HasPrefix(confirmed.SubscriptionArn, arn+":"))

	e.Clock.Advance(time.Minute)
	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("disk <full> & more"),
		Subject: aws.String("Alarm"), MessageAttributes: map[string]types.MessageAttributeValue{
			"severity": {DataType: aws.String("String"), StringValue: aws.String("high")},
			"blob":     {DataType: aws.String("Binary"), BinaryValue: []byte{1, 2}}}})
	require.NoError(t, err)
	e.deliver(t, 1)
	p, m = ep.last(t)
	require.Equal(t, "Notification", p.Header.Get("x-amz-sns-message-type"))
	require.Equal(t, confirmed.SubscriptionArn, p.Header.Get("x-amz-sns-subscription-arn"))
	require.Equal(t, "Notification", m.Type)
	require.Equal(t, "Alarm", m.Subject)
	require.Equal(t, "disk <full> & more", m.Message)
	require.Contains(t, string(p.Body), `"disk <full> & more"`, "no HTML escaping, as SNS writes it")
	require.Equal(t, "2026-11-01T12:01:00.000Z", m.Timestamp)
	require.Equal(t, sandbox.MessageValueJSON{Type: "String", Value: "high"}, m.MessageAttributes["severity"])
	require.Equal(t, sandbox.MessageValueJSON{Type: "Binary", Value: "AQI="}, m.MessageAttributes["blob"])
	require.Equal(t, e.URL+"/?Action=Unsubscribe&SubscriptionArn="+confirmed.SubscriptionArn, m.UnsubscribeURL)
	requireSigned(t, m)
	requireOrder(t, p.Body, "Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion",
		"Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes")

	visit(t, m.UnsubscribeURL)
	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("late")})
	require.NoError(t, err)
	e.deliver(t, 0)
	require.Equal(t, 2, ep.count())
}

func requireSigned(t *testing.T, m sandbox.Message) {
	t.Helper()
	require.Equal(t, "1", m.SignatureVersion)
	sig, err := base64.StdEncoding.DecodeString(m.Signature)
	require.NoError(t, err)
	require.NotEmpty(t, sig)
	require.True(t, strings.HasSuffix(m.SigningCertURL, ".pem"))
}

// requireOrder asserts the members of a JSON document come in AWS's order.
func requireOrder(t *testing.T, doc []byte, members ...string) {
	t.Helper()
	last := -1
	for _, m := range members {
		i := strings.Index(string(doc), `"`+m+`":`)
		require.Greater(t, i, last, "member %s out of order in %s", m, doc)
		last = i
	}
}

func TestHTTPSubscription_RawAndStructured(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	ep := newEndpoint(t)
	arn := createTopic(t, e, "t", nil)
	subARN := confirmHTTP(t, e, ep, arn)

	_, err := e.SNS.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionArn: aws.String(subARN),
		AttributeName: aws.String("RawMessageDelivery"), AttributeValue: aws.String("true")})
	require.NoError(t, err)
	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), MessageStructure: aws.String("json"),
		Message: aws.String(`{"default":"plain","http":"for http","email":"for email"}`)})
	require.NoError(t, err)
	e.deliver(t, 1)
	ep.mu.Lock()
	p := ep.posts[len(ep.posts)-1]
	ep.mu.Unlock()
	require.Equal(t, "for http", string(p.Body))
	require.Equal(t, "true", p.Header.Get("x-amz-sns-rawdelivery"))
	require.Equal(t, subARN, p.Header.Get("x-amz-sns-subscription-arn"))
}

// confirmHTTP subscribes ep, delivers its confirmation and confirms with
// the token; it returns the subscription ARN.
func confirmHTTP(t *testing.T, e *env, ep *endpoint, topicARN string) string {
	t.Helper()
	_, err := e.SNS.Subscribe(context.Background(), &sns.SubscribeInput{TopicArn: aws.String(topicARN),
		Protocol: aws.String("http"), Endpoint: aws.String(ep.URL)})
	require.NoError(t, err)
	e.deliver(t, 1)
	_, m := ep.last(t)
	out, err := e.SNS.ConfirmSubscription(context.Background(), &sns.ConfirmSubscriptionInput{
		TopicArn: aws.String(topicARN), Token: aws.String(m.Token)})
	require.NoError(t, err)
	return *out.SubscriptionArn
}

// TestHTTPSubscription_Retries: a failing endpoint is retried numRetries
// times (the topic's delivery policy), then the message is a dead letter.
func TestHTTPSubscription_Retries(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	ep := newEndpoint(t)
	arn := createTopic(t, e, "t", map[string]string{"DeliveryPolicy": `{"http":{"defaultHealthyRetryPolicy":{"numRetries":1}}}`})
	confirmHTTP(t, e, ep, arn)
	ep.mu.Lock()
	ep.status = http.StatusInternalServerError
	ep.mu.Unlock()
	_, err := e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("m")})
	require.NoError(t, err)
	e.deliver(t, 1)
	e.Clock.Advance(delivery.DefaultMaxDelay)
	e.deliver(t, 1)
	e.Clock.Advance(delivery.DefaultMaxDelay)
	e.deliver(t, 0)
	dead, err := e.Deliveries.List(ctx, home, delivery.Filter{State: delivery.StateDead, Kind: sandbox.DeliveryKindHTTP})
	require.NoError(t, err)
	require.Len(t, dead, 1)
	require.Len(t, dead[0].Attempts, 2)
	require.Equal(t, http.StatusInternalServerError, dead[0].LastStatus)
}

func TestEmailSubscription_Outbox(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "ops", map[string]string{"DisplayName": "Ops"})
	for _, p := range []string{"email", "email-json"} {
		_, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String(p),
			Endpoint: aws.String(p + "@example.com")})
		require.NoError(t, err)
	}
	mails, err := e.Domain.Outbox(ctx, home, "email@example.com")
	require.NoError(t, err)
	require.Len(t, mails, 1)
	c := mails[0]
	require.Equal(t, "SubscriptionConfirmation", c.Type)
	require.Equal(t, "AWS Notification - Subscription Confirmation", c.Subject)
	require.Equal(t, "Ops <no-reply@sns.amazonaws.com>", c.From)
	i := strings.Index(c.Body, e.URL+"/?Action=ConfirmSubscription")
	require.GreaterOrEqual(t, i, 0, c.Body)
	visit(t, strings.Fields(c.Body[i:])[0])

	jsonMails, err := e.Domain.Outbox(ctx, home, "email-json@example.com")
	require.NoError(t, err)
	require.Len(t, jsonMails, 1)
	var conf sandbox.Message
	require.NoError(t, json.Unmarshal([]byte(jsonMails[0].Body), &conf))
	require.Equal(t, "SubscriptionConfirmation", conf.Type)
	visit(t, conf.SubscribeURL)

	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("the disk is full"),
		Subject: aws.String("Disk")})
	require.NoError(t, err)
	mails, err = e.Domain.Outbox(ctx, home, "email@example.com")
	require.NoError(t, err)
	require.Len(t, mails, 2)
	n := mails[1]
	require.Equal(t, "Notification", n.Type)
	require.Equal(t, "Disk", n.Subject)
	require.True(t, strings.HasPrefix(n.Body, "the disk is full\n"), n.Body)
	require.Contains(t, n.Body, e.URL+"/?Action=Unsubscribe&SubscriptionArn="+n.SubscriptionARN)

	jsonMails, err = e.Domain.Outbox(ctx, home, "email-json@example.com")
	require.NoError(t, err)
	require.Len(t, jsonMails, 2)
	var note sandbox.Message
	require.NoError(t, json.Unmarshal([]byte(jsonMails[1].Body), &note))
	require.Equal(t, "the disk is full", note.Message)
	require.Equal(t, "Disk", jsonMails[1].Subject)
	all, err := e.Domain.Outbox(ctx, home, "")
	require.NoError(t, err)
	require.Len(t, all, 4)
	e.deliver(t, 0) // e-mail is never POSTed
}

func TestLambdaSubscription_Invokes(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "t", nil)
	fn := "arn:aws:lambda:us-east-1:123456789012:function:fix"
	sub, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("lambda"),
		Endpoint: aws.String(fn)})
	require.NoError(t, err)
	_, err = e.SNS.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String(`{"k":1}`)})
	require.NoError(t, err)
	got := e.Functions.invocations()
	require.Len(t, got, 1)
	require.Equal(t, fn, got[0].Function)
	require.Equal(t, home, got[0].Scope)
	var event struct {
		Records []struct {
			EventSource, EventVersion, EventSubscriptionArn string
			Sns                                             map[string]any
		}
	}
	require.NoError(t, json.Unmarshal([]byte(got[0].Payload), &event))
	require.Len(t, event.Records, 1)
	r := event.Records[0]
	require.Equal(t, "aws:sns", r.EventSource)
	require.Equal(t, *sub.SubscriptionArn, r.EventSubscriptionArn)
	require.Equal(t, `{"k":1}`, r.Sns["Message"])
	require.Nil(t, r.Sns["Subject"])
	require.Contains(t, r.Sns, "SigningCertUrl")
	require.Contains(t, r.Sns, "UnsubscribeUrl")
	require.Equal(t, map[string]any{}, r.Sns["MessageAttributes"])
	e.Functions.mu.Lock()
	require.Positive(t, e.Functions.woken, "the function runner is woken after the commit")
	e.Functions.mu.Unlock()
}

// TestConfirmSubscription_Anonymous: an unsigned SubscribeURL fetch acts
// in the topic's region, whatever the default region is.
func TestConfirmSubscription_Anonymous(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	west := e.client("AKIDSALVETEST", "eu-west-1")
	out, err := west.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("w")})
	require.NoError(t, err)
	ep := newEndpoint(t)
	_, err = west.Subscribe(ctx, &sns.SubscribeInput{TopicArn: out.TopicArn, Protocol: aws.String("http"), Endpoint: aws.String(ep.URL)})
	require.NoError(t, err)
	e.deliver(t, 1)
	_, m := ep.last(t)
	visit(t, m.SubscribeURL)
	attrs, err := west.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: out.TopicArn})
	require.NoError(t, err)
	require.Equal(t, "1", attrs.Attributes["SubscriptionsConfirmed"])

	resp, err := http.Get(e.URL + "/?Action=ConfirmSubscription&TopicArn=" + *out.TopicArn + "&Token=forged")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	body, _ := io.ReadAll(resp.Body)
	require.Contains(t, string(body), "<Code>InvalidParameter</Code>")
}

// getSalve GETs one of Salve's own endpoints and decodes its JSON.
func getSalve(t *testing.T, e *env, path string, status int, out any) {
	t.Helper()
	resp, err := http.Get(e.URL + "/_salve/" + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, status, resp.StatusCode, string(body))
	require.NoError(t, json.Unmarshal(body, out), string(body))
}

func TestSalveEndpoints(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := createTopic(t, e, "t", nil)
	ep := newEndpoint(t)
	for p, endpoint := range map[string]string{"email": "a@example.com", "http": ep.URL} {
		_, err := e.SNS.Subscribe(ctx, &sns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String(p), Endpoint: aws.String(endpoint)})
		require.NoError(t, err)
	}
	var outbox apisns.OutboxResponse
	getSalve(t, e, "sns/outbox?to=a@example.com", http.StatusOK, &outbox)
	require.Len(t, outbox.Emails, 1)
	require.Equal(t, "a@example.com", outbox.Emails[0].To)
	getSalve(t, e, "sns/outbox?region=eu-west-1", http.StatusOK, &outbox)
	require.Empty(t, outbox.Emails)

	var ds apisns.DeliveriesResponse
	getSalve(t, e, "deliveries?state=PENDING", http.StatusOK, &ds)
	require.Len(t, ds.Deliveries, 1)
	require.Equal(t, ep.URL, ds.Deliveries[0].URL)
	e.deliver(t, 1)
	getSalve(t, e, "deliveries?account=123456789012&region=us-east-1&kind=sns-http", http.StatusOK, &ds)
	require.Len(t, ds.Deliveries, 1)
	require.Equal(t, delivery.StateDelivered, ds.Deliveries[0].State)

	var bad struct{ Message string }
	getSalve(t, e, "deliveries?state=LOST", http.StatusBadRequest, &bad)
	require.Contains(t, bad.Message, "unknown state")
	getSalve(t, e, "deliveries?limit=-1", http.StatusBadRequest, &bad)
}
