package sns

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxMessageBytes bounds a message with its attributes (256 KiB).
const MaxMessageBytes = 262144

// dedupWindow is how long a FIFO topic remembers a deduplication id.
const dedupWindow = 5 * time.Minute

// PublishParams are Publish's inputs.
type PublishParams struct {
	// TopicARN is the TopicArn or TargetArn of the call; TargetMember
	// names which ("TopicArn" when empty) for errors.
	TopicARN               string
	TargetMember           string
	Message                string
	Subject                *string
	MessageStructure       string
	MessageAttributes      map[string]MessageAttribute
	MessageGroupID         string
	MessageDeduplicationID string
}

// PublishResult is what Publish returns.
type PublishResult struct {
	MessageID string
	// SequenceNumber is set for FIFO topics.
	SequenceNumber string
}

// Publish stores a message as a delivery record of its topic and sends it
// to the topic's confirmed subscriptions (see fanOut). A FIFO topic
// deduplicates within five minutes: a repeated deduplication id returns
// the first message's id and stores and sends nothing.
func (s *Service) Publish(ctx context.Context, scope tenant.Scope, p PublishParams) (*PublishResult, error) {
	if p.TargetMember == "" {
		p.TargetMember = "TopicArn"
	}
	if err := checkMessage(p); err != nil {
		return nil, err
	}
	var res *PublishResult
	err := s.update(ctx, scope, func(t *txn) error {
		top, err := t.loadTopic(p.TopicARN, p.TargetMember)
		if err != nil {
			return err
		}
		res, err = t.publish(top, p, s.maxDeliveries)
		return err
	})
	return res, err
}

func (t *txn) publish(top *Topic, p PublishParams, keep int) (*PublishResult, error) {
	dedupID, err := checkFifo(top, &p)
	if err != nil {
		return nil, err
	}
	if dedupID != "" {
		if prev, err := t.duplicate(top, dedupID); prev != nil || err != nil {
			return prev, err
		}
	}
	d := &Delivery{Type: DeliveryNotification, TopicARN: top.ARN, MessageID: uuid.NewString(), Message: p.Message,
		MessageStructure: p.MessageStructure, MessageAttributes: p.MessageAttributes, MessageGroupID: p.MessageGroupID,
		MessageDeduplicationID: p.MessageDeduplicationID, Timestamp: t.now}
	if p.Subject != nil {
		d.Subject = *p.Subject
	}
	if top.Fifo() {
		d.SequenceNumber = sequenceNumber(top.Sequence + 1)
	}
	if err := t.appendDelivery(top, d); err != nil {
		return nil, err
	}
	if err := t.trimDeliveries(top, keep); err != nil {
		return nil, err
	}
	if err := t.fanOut(top, d); err != nil {
		return nil, err
	}
	res := &PublishResult{MessageID: d.MessageID, SequenceNumber: d.SequenceNumber}
	if dedupID != "" {
		return res, t.remember(top, dedupID, res)
	}
	return res, nil
}

// checkFifo applies the FIFO rules and returns the deduplication id
// ("" for standard topics).
func checkFifo(top *Topic, p *PublishParams) (string, error) {
	if !top.Fifo() {
		if p.MessageDeduplicationID != "" {
			return "", invalid("MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type")
		}
		return "", nil
	}
	if p.MessageGroupID == "" {
		return "", invalid("The MessageGroupId parameter is required for FIFO topics")
	}
	if p.MessageDeduplicationID != "" {
		return p.MessageDeduplicationID, nil
	}
	if top.Attributes[AttrContentBasedDeduplication] != "true" {
		return "", invalid("The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
	}
	sum := sha256.Sum256([]byte(p.Message))
	return hex.EncodeToString(sum[:]), nil
}

// sequenceNumber renders a FIFO sequence number as AWS does: a large
// decimal number that only grows.
func sequenceNumber(n int64) string { return fmt.Sprintf("1%019d", n) }

type dedupRecord struct {
	MessageID      string    `json:"MessageId"`
	SequenceNumber string    `json:"SequenceNumber"`
	At             time.Time `json:"At"`
}

// duplicate returns the earlier result of a deduplication id still in its
// window, or nil.
func (t *txn) duplicate(top *Topic, id string) (*PublishResult, error) {
	var r dedupRecord
	err := store.GetRecord(t.tx, t.scope.Bucket(kindDedup), store.Key(top.Name, id), &r)
	if errors.Is(err, store.ErrNotFound) || (err == nil && t.now.Sub(r.At) >= dedupWindow) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &PublishResult{MessageID: r.MessageID, SequenceNumber: r.SequenceNumber}, nil
}

func (t *txn) remember(top *Topic, id string, res *PublishResult) error {
	r := dedupRecord{MessageID: res.MessageID, SequenceNumber: res.SequenceNumber, At: t.now}
	return store.PutRecord(t.tx, t.scope.Bucket(kindDedup), store.Key(top.Name, id), r)
}

// appendDelivery stores a delivery record under the topic's next sequence
// number and saves the topic.
func (t *txn) appendDelivery(top *Topic, d *Delivery) error {
	top.Sequence++
	if err := store.PutRecord(t.tx, t.scope.Bucket(kindDelivery), deliveryKey(top.Name, top.Sequence), d); err != nil {
		return err
	}
	return t.putTopic(top)
}

// trimDeliveries drops the record that fell out of the last keep.
func (t *txn) trimDeliveries(top *Topic, keep int) error {
	if old := top.Sequence - int64(keep); old > 0 {
		_, err := t.tx.Delete(t.scope.Bucket(kindDelivery), deliveryKey(top.Name, old))
		return err
	}
	return nil
}

func deliveryKey(topic string, seq int64) string {
	return store.Key(topic, fmt.Sprintf("%020d", seq))
}

// Deliveries returns a topic's delivery records, oldest first: every
// published message (and every subscription confirmation request) that
// SNS would have sent to the topic's subscribers.
func (s *Service) Deliveries(ctx context.Context, scope tenant.Scope, topicARN string) ([]Delivery, error) {
	var out []Delivery
	err := s.view(ctx, scope, func(t *txn) error {
		top, err := t.loadTopic(topicARN, "TopicArn")
		if err != nil {
			return err
		}
		items, err := t.tx.Scan(store.ScanParams{Bucket: t.scope.Bucket(kindDelivery), Prefix: store.Key(top.Name) + "/"})
		if err != nil {
			return err
		}
		out = make([]Delivery, len(items))
		for i, it := range items {
			if err := store.DecodeRecord(kindDelivery, it.Key, it.Value, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// PublishTx publishes a message inside the caller's transaction, so that
// it commits (and is sent) with the caller's change or not at all: Config's
// delivery channel notifications ride the recorder's transaction this way.
// The topic is looked up in its ARN's region of scope's account (another
// account's topic is AuthorizationError). subject "" means none. Call Wake
// after the commit.
func (s *Service) PublishTx(tx store.Tx, scope tenant.Scope, topicARN, subject, message string) error {
	if p, ok := parseARN(topicARN); ok && p.SubID == "" {
		scope.Region = p.Region
	}
	params := PublishParams{TopicARN: topicARN, TargetMember: "TopicArn", Message: message}
	if subject != "" {
		params.Subject = &subject
	}
	if err := checkMessage(params); err != nil {
		return err
	}
	t := s.newTxn(tx, scope)
	top, err := t.loadTopic(topicARN, "TopicArn")
	if err != nil {
		return err
	}
	_, err = t.publish(top, params, s.maxDeliveries)
	return err
}
