package sns

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/delivery"
)

// DeliveryKindHTTP is the delivery.Delivery Kind of the messages SNS
// POSTs to http and https subscriptions.
const DeliveryKindHTTP = "sns-http"

// HTTP delivery settings.
const (
	// httpTimeout is how long SNS waits for an endpoint's answer.
	httpTimeout = 15 * time.Second
	// defaultRetries is numRetries of AWS's default delivery policy.
	defaultRetries = 3
	// maxRetries is the largest numRetries a delivery policy may set.
	maxRetries = 100
	// defaultContentType is the Content-Type of SNS's POSTs.
	defaultContentType = "text/plain; charset=UTF-8"
	// userAgent is the User-Agent of SNS's POSTs.
	userAgent = "Amazon Simple Notification Service Agent"
)

// fanOut sends a published message to every confirmed subscription of its
// topic: a POST for http and https, an e-mail in the outbox for email and
// email-json, an invocation for lambda. sqs, firehose, application and sms
// subscriptions get nothing (nothing leaves Salve for them).
func (t *txn) fanOut(top *Topic, d *Delivery) error {
	subs, err := t.subscriptions(top.Name)
	if err != nil {
		return err
	}
	for i := range subs {
		if !subs[i].Confirmed {
			continue
		}
		if err := t.send(top, &subs[i], d); err != nil {
			return fmt.Errorf("send message %s to %s: %w", d.MessageID, subs[i].ARN, err)
		}
	}
	return nil
}

func (t *txn) send(top *Topic, sub *Subscription, d *Delivery) error {
	u := t.urls()
	switch sub.Protocol {
	case "http", "https":
		return t.postNotification(top, sub, d)
	case "email":
		return t.mail(notificationEmail(u, top, sub, d))
	case "email-json":
		return t.mailJSON(top, sub, TypeNotification, d.Subject, u.notification(d, sub))
	case "lambda":
		return t.invoke(sub, u.lambda(d, sub))
	}
	return nil
}

func (t *txn) urls() urls { return urls{endpoint: t.svc.endpoint} }

// postNotification queues the POST of a Notification to an http or https
// subscription (the raw message when RawMessageDelivery is set).
func (t *txn) postNotification(top *Topic, sub *Subscription, d *Delivery) error {
	body, err := encode(t.urls().notification(d, sub))
	if err != nil {
		return err
	}
	h := headers(TypeNotification, d.MessageID, top.ARN, contentType(top, sub))
	h["x-amz-sns-subscription-arn"] = sub.ARN
	if sub.Attributes["RawMessageDelivery"] == "true" {
		body = []byte(messageFor(d, sub.Protocol))
		h["x-amz-sns-rawdelivery"] = "true"
	}
	return t.post(top, sub, h, body)
}

// postConfirmation queues the POST of a SubscriptionConfirmation.
func (t *txn) postConfirmation(top *Topic, sub *Subscription, d *Delivery) error {
	body, err := encode(t.urls().confirmation(d))
	if err != nil {
		return err
	}
	return t.post(top, sub, headers(TypeSubscriptionConfirmation, d.MessageID, top.ARN, contentType(top, sub)), body)
}

// post queues one POST; without a Deliverer it is recorded only.
func (t *txn) post(top *Topic, sub *Subscription, h map[string]string, body []byte) error {
	if t.svc.deliveries == nil {
		return nil
	}
	_, err := t.svc.deliveries.Enqueue(t.tx, delivery.Delivery{Scope: t.scope, Kind: DeliveryKindHTTP,
		URL: sub.Endpoint, Headers: h, Body: body, Timeout: httpTimeout, MaxAttempts: retries(top, sub) + 1})
	if err != nil {
		return err
	}
	t.sent = true
	return nil
}

// invoke queues a lambda subscription's invocation; without Functions it
// is recorded only.
func (t *txn) invoke(sub *Subscription, event lambdaEvent) error {
	if t.svc.functions == nil {
		return nil
	}
	payload, err := encode(event)
	if err != nil {
		return err
	}
	if err := t.svc.functions.InvokeAsync(t.tx, t.scope, sub.Endpoint, payload); err != nil {
		return err
	}
	t.sent = true
	return nil
}

func headers(messageType, messageID, topicARN, contentType string) map[string]string {
	return map[string]string{"x-amz-sns-message-type": messageType, "x-amz-sns-message-id": messageID,
		"x-amz-sns-topic-arn": topicARN, "Content-Type": contentType, "User-Agent": userAgent}
}

// deliveryPolicy is what Salve reads of a subscription's or topic's
// DeliveryPolicy: the retry count and the Content-Type.
type deliveryPolicy struct {
	HealthyRetryPolicy *struct {
		NumRetries *int `json:"numRetries"`
	} `json:"healthyRetryPolicy"`
	RequestPolicy *struct {
		HeaderContentType string `json:"headerContentType"`
	} `json:"requestPolicy"`
	HTTP *struct {
		DefaultHealthyRetryPolicy *struct {
			NumRetries *int `json:"numRetries"`
		} `json:"defaultHealthyRetryPolicy"`
		DefaultRequestPolicy *struct {
			HeaderContentType string `json:"headerContentType"`
		} `json:"defaultRequestPolicy"`
	} `json:"http"`
}

func policyOf(attrs map[string]string) deliveryPolicy {
	var p deliveryPolicy
	if s := attrs[AttrDeliveryPolicy]; s != "" {
		json.Unmarshal([]byte(s), &p)
	}
	return p
}

// retries is numRetries of the effective delivery policy: the
// subscription's, else the topic's, else AWS's default.
func retries(top *Topic, sub *Subscription) int {
	n := defaultRetries
	if p := policyOf(top.Attributes).HTTP; p != nil && p.DefaultHealthyRetryPolicy != nil && p.DefaultHealthyRetryPolicy.NumRetries != nil {
		n = *p.DefaultHealthyRetryPolicy.NumRetries
	}
	if p := policyOf(sub.Attributes).HealthyRetryPolicy; p != nil && p.NumRetries != nil {
		n = *p.NumRetries
	}
	return min(max(n, 0), maxRetries)
}

// contentType is headerContentType of the effective delivery policy.
func contentType(top *Topic, sub *Subscription) string {
	if p := policyOf(sub.Attributes).RequestPolicy; p != nil && validHeader(p.HeaderContentType) {
		return p.HeaderContentType
	}
	if p := policyOf(top.Attributes).HTTP; p != nil && p.DefaultRequestPolicy != nil && validHeader(p.DefaultRequestPolicy.HeaderContentType) {
		return p.DefaultRequestPolicy.HeaderContentType
	}
	return defaultContentType
}

// validHeader reports whether s can be sent as a header value.
func validHeader(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f })
}
