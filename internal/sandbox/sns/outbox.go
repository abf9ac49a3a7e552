package sns

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultMaxOutbox is how many e-mails each scope's outbox keeps; older
// ones are dropped as new ones are written.
const DefaultMaxOutbox = 10000

// kindOutbox holds Emails keyed by id (a UUIDv7, so in the order written).
const kindOutbox = "sns-outbox"

// Email is a message SNS would have mailed to an email or email-json
// subscription: Salve writes it to the scope's outbox instead.
type Email struct {
	ID string `json:"Id"`
	// Protocol is email or email-json.
	Protocol string `json:"Protocol"`
	From     string `json:"From"`
	To       string `json:"To"`
	Subject  string `json:"Subject"`
	// Body is text for email, the JSON message document for email-json.
	Body string `json:"Body"`
	// Type is SubscriptionConfirmation or Notification.
	Type            string    `json:"Type"`
	TopicARN        string    `json:"TopicArn"`
	SubscriptionARN string    `json:"SubscriptionArn"`
	MessageID       string    `json:"MessageId"`
	SentAt          time.Time `json:"SentAt"`
}

// Subjects of the e-mails SNS writes.
const (
	confirmationSubject = "AWS Notification - Subscription Confirmation"
	notificationSubject = "AWS Notification Message"
)

// mail writes an e-mail to the outbox, keeping the last maxOutbox.
func (t *txn) mail(e *Email) error {
	id, err := uuid.NewV7()
	if err != nil {
		return fmt.Errorf("e-mail id: %w", err)
	}
	e.ID, e.SentAt = id.String(), t.now
	bucket := t.scope.Bucket(kindOutbox)
	if err := store.PutRecord(t.tx, bucket, e.ID, e); err != nil {
		return err
	}
	n, err := t.tx.Count(store.ScanParams{Bucket: bucket})
	if err != nil || n <= t.svc.maxOutbox {
		return err
	}
	return t.deleteOldest(kindOutbox, n-t.svc.maxOutbox)
}

// deleteOldest deletes the first n keys of a bucket.
func (t *txn) deleteOldest(kind string, n int) error {
	items, err := t.tx.Scan(store.ScanParams{Bucket: t.scope.Bucket(kind), Limit: n})
	if err != nil {
		return err
	}
	for _, it := range items {
		if _, err := t.tx.Delete(t.scope.Bucket(kind), it.Key); err != nil {
			return err
		}
	}
	return nil
}

// mailJSON writes an email-json e-mail: the message document as its body.
func (t *txn) mailJSON(top *Topic, sub *Subscription, typ, subject string, m *Message) error {
	body, err := encode(m)
	if err != nil {
		return err
	}
	if typ == TypeSubscriptionConfirmation {
		subject = confirmationSubject
	} else if subject == "" {
		subject = notificationSubject
	}
	return t.mail(&Email{Protocol: sub.Protocol, From: sender(top), To: sub.Endpoint, Subject: subject,
		Body: string(body), Type: typ, TopicARN: top.ARN, SubscriptionARN: sub.ARN, MessageID: m.MessageID})
}

// sender is the From of a topic's e-mails: its display name, if any.
func sender(top *Topic) string {
	name := top.Attributes[AttrDisplayName]
	if name == "" {
		name = "AWS Notifications"
	}
	return name + " <no-reply@sns.amazonaws.com>"
}

// confirmationEmail is the e-mail that asks an email subscription's owner
// to confirm.
func confirmationEmail(u urls, top *Topic, sub *Subscription, d *Delivery) *Email {
	body := "You have chosen to subscribe to the topic:\n" + top.ARN + "\n\n" +
		"To confirm this subscription, visit the link below (if this was in error, do nothing):\n" +
		u.subscribe(top.ARN, d.Token) + "\n"
	return &Email{Protocol: sub.Protocol, From: sender(top), To: sub.Endpoint, Subject: confirmationSubject,
		Body: body, Type: TypeSubscriptionConfirmation, TopicARN: top.ARN, SubscriptionARN: sub.ARN, MessageID: d.MessageID}
}

// notificationEmail is the e-mail of a published message.
func notificationEmail(u urls, top *Topic, sub *Subscription, d *Delivery) *Email {
	subject := d.Subject
	if subject == "" {
		subject = notificationSubject
	}
	body := messageFor(d, sub.Protocol) + "\n\n--\n" +
		"To stop receiving notifications from this topic, visit the link below to unsubscribe:\n" +
		u.unsubscribe(sub.ARN) + "\n"
	return &Email{Protocol: sub.Protocol, From: sender(top), To: sub.Endpoint, Subject: subject, Body: body,
		Type: TypeNotification, TopicARN: top.ARN, SubscriptionARN: sub.ARN, MessageID: d.MessageID}
}

// Outbox returns the e-mails of a scope's outbox, oldest first: those to
// one address when to is set, else all.
func (s *Service) Outbox(ctx context.Context, scope tenant.Scope, to string) ([]Email, error) {
	var out []Email
	err := s.view(ctx, scope, func(t *txn) error {
		bucket := t.scope.Bucket(kindOutbox)
		items, err := t.tx.Scan(store.ScanParams{Bucket: bucket})
		if err != nil {
			return err
		}
		for _, it := range items {
			var e Email
			if err := store.DecodeRecord(bucket, it.Key, it.Value, &e); err != nil {
				return err
			}
			if to == "" || e.To == to {
				out = append(out, e)
			}
		}
		return nil
	})
	return out, err
}
