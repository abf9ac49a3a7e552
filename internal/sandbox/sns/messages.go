package sns

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"
)

// Message types SNS sends to endpoints (the Delivery types).
const (
	TypeNotification             = DeliveryNotification
	TypeSubscriptionConfirmation = DeliverySubscriptionConfirmation
)

// SignatureVersion is the SignatureVersion of every message. Salve does
// not sign: Signature is a base64 SHA-256 digest of the message, not an
// RSA signature, and SigningCertURL names no certificate.
const SignatureVersion = "1"

// timestampLayout is how SNS writes a message's Timestamp.
const timestampLayout = "2006-01-02T15:04:05.000Z"

// Message is the JSON document SNS POSTs to http and https endpoints and
// mails to email-json ones, in AWS's member order.
type Message struct {
	Type              string                      `json:"Type"`
	MessageID         string                      `json:"MessageId"`
	Token             string                      `json:"Token,omitempty"`
	TopicARN          string                      `json:"TopicArn"`
	Subject           string                      `json:"Subject,omitempty"`
	Message           string                      `json:"Message"`
	SubscribeURL      string                      `json:"SubscribeURL,omitempty"`
	Timestamp         string                      `json:"Timestamp"`
	SignatureVersion  string                      `json:"SignatureVersion"`
	Signature         string                      `json:"Signature"`
	SigningCertURL    string                      `json:"SigningCertURL"`
	UnsubscribeURL    string                      `json:"UnsubscribeURL,omitempty"`
	MessageAttributes map[string]MessageValueJSON `json:"MessageAttributes,omitempty"`
}

// MessageValueJSON is a message attribute as SNS writes it in a message
// document.
type MessageValueJSON struct {
	Type  string `json:"Type"`
	Value string `json:"Value"`
}

// lambdaEvent is the event a lambda subscription's function receives.
type lambdaEvent struct {
	Records []lambdaRecord `json:"Records"`
}

type lambdaRecord struct {
	EventSource          string    `json:"EventSource"`
	EventVersion         string    `json:"EventVersion"`
	EventSubscriptionArn string    `json:"EventSubscriptionArn"`
	SNS                  lambdaSNS `json:"Sns"`
}

// lambdaSNS is the message in a lambda event: AWS spells two members
// differently there and always writes Subject and MessageAttributes.
type lambdaSNS struct {
	Type              string                      `json:"Type"`
	MessageID         string                      `json:"MessageId"`
	TopicARN          string                      `json:"TopicArn"`
	Subject           *string                     `json:"Subject"`
	Message           string                      `json:"Message"`
	Timestamp         string                      `json:"Timestamp"`
	SignatureVersion  string                      `json:"SignatureVersion"`
	Signature         string                      `json:"Signature"`
	SigningCertURL    string                      `json:"SigningCertUrl"`
	UnsubscribeURL    string                      `json:"UnsubscribeUrl"`
	MessageAttributes map[string]MessageValueJSON `json:"MessageAttributes"`
}

// urls builds the URLs messages carry, on Salve's endpoint.
type urls struct{ endpoint string }

// subscribe is the URL that confirms a subscription when fetched.
func (u urls) subscribe(topicARN, token string) string {
	return u.endpoint + "/?Action=ConfirmSubscription&TopicArn=" + topicARN + "&Token=" + token
}

// unsubscribe is the URL that deletes a subscription when fetched.
func (u urls) unsubscribe(subscriptionARN string) string {
	return u.endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionARN
}

// cert is the SigningCertURL (nothing is served there).
func (u urls) cert() string { return u.endpoint + "/_salve/sns/SimpleNotificationService-salve.pem" }

// confirmationText is the Message of a SubscriptionConfirmation.
func confirmationText(topicARN string) string {
	return "You have chosen to subscribe to the topic " + topicARN +
		".\nTo confirm the subscription, visit the SubscribeURL included in this message."
}

// confirmation is the SubscriptionConfirmation message of a pending
// subscription.
func (u urls) confirmation(d *Delivery) *Message {
	m := &Message{Type: TypeSubscriptionConfirmation, MessageID: d.MessageID, Token: d.Token, TopicARN: d.TopicARN,
		Message: d.Message, SubscribeURL: u.subscribe(d.TopicARN, d.Token), Timestamp: timestamp(d.Timestamp)}
	return u.sign(m)
}

// notification is the Notification message of a published message as a
// subscription receives it.
func (u urls) notification(d *Delivery, sub *Subscription) *Message {
	m := &Message{Type: TypeNotification, MessageID: d.MessageID, TopicARN: d.TopicARN, Subject: d.Subject,
		Message: messageFor(d, sub.Protocol), Timestamp: timestamp(d.Timestamp),
		UnsubscribeURL: u.unsubscribe(sub.ARN), MessageAttributes: attributesJSON(d.MessageAttributes)}
	return u.sign(m)
}

// sign fills the signature members.
func (u urls) sign(m *Message) *Message {
	m.SignatureVersion, m.SigningCertURL = SignatureVersion, u.cert()
	sum := sha256.Sum256([]byte(m.Type + "\n" + m.MessageID + "\n" + m.Message + "\n" + m.Timestamp + "\n" + m.TopicARN))
	m.Signature = base64.StdEncoding.EncodeToString(sum[:])
	return m
}

// lambda is the event of a lambda subscription's function.
func (u urls) lambda(d *Delivery, sub *Subscription) lambdaEvent {
	m := u.notification(d, sub)
	s := lambdaSNS{Type: m.Type, MessageID: m.MessageID, TopicARN: m.TopicARN, Message: m.Message,
		Timestamp: m.Timestamp, SignatureVersion: m.SignatureVersion, Signature: m.Signature,
		SigningCertURL: m.SigningCertURL, UnsubscribeURL: m.UnsubscribeURL, MessageAttributes: m.MessageAttributes}
	if d.Subject != "" {
		s.Subject = &d.Subject
	}
	if s.MessageAttributes == nil {
		s.MessageAttributes = map[string]MessageValueJSON{}
	}
	return lambdaEvent{Records: []lambdaRecord{{EventSource: "aws:sns", EventVersion: "1.0",
		EventSubscriptionArn: sub.ARN, SNS: s}}}
}

// messageFor picks the message a protocol receives: with MessageStructure
// json, the protocol's entry, else "default".
func messageFor(d *Delivery, protocol string) string {
	if d.MessageStructure != "json" {
		return d.Message
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(d.Message), &m); err != nil {
		return d.Message
	}
	if s, ok := m[protocol].(string); ok {
		return s
	}
	s, _ := m["default"].(string)
	return s
}

func attributesJSON(attrs map[string]MessageAttribute) map[string]MessageValueJSON {
	if len(attrs) == 0 {
		return nil
	}
	out := make(map[string]MessageValueJSON, len(attrs))
	for k, a := range attrs {
		v := a.StringValue
		if len(a.BinaryValue) > 0 {
			v = base64.StdEncoding.EncodeToString(a.BinaryValue)
		}
		out[k] = MessageValueJSON{Type: a.DataType, Value: v}
	}
	return out
}

func timestamp(t time.Time) string { return t.UTC().Format(timestampLayout) }

// encode writes v as JSON without HTML escaping (as SNS writes it).
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode SNS message: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
