package sns

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// SubscribeParams are Subscribe's inputs.
type SubscribeParams struct {
	TopicARN   string
	Protocol   string
	Endpoint   string
	Attributes map[string]string
}

// Subscribe records a subscription. http, https, email and email-json
// subscriptions wait for ConfirmSubscription: their confirmation request
// is stored as a delivery record and sent (POSTed to http and https
// endpoints, written to the outbox for e-mail); the others are confirmed
// at once.
// Subscribing the same endpoint again returns the existing subscription.
func (s *Service) Subscribe(ctx context.Context, scope tenant.Scope, p SubscribeParams) (*Subscription, error) {
	if err := checkEndpoint(p.Protocol, p.Endpoint, p.Attributes); err != nil {
		return nil, err
	}
	var sub *Subscription
	err := s.update(ctx, scope, func(t *txn) error {
		top, err := t.loadTopic(p.TopicARN, "TopicArn")
		if err != nil {
			return err
		}
		if top.Fifo() && p.Protocol != "sqs" && p.Protocol != "firehose" {
			return invalid("Invalid protocol type: %s", p.Protocol)
		}
		if sub, err = t.existingSubscription(top, p); sub != nil || err != nil {
			return err
		}
		sub = newSubscription(top, scope.AccountID, p, t.now)
		return t.addSubscription(top, sub)
	})
	return sub, err
}

// needsConfirmation lists the protocols whose endpoints must confirm.
var needsConfirmation = map[string]bool{"http": true, "https": true, "email": true, "email-json": true}

func newSubscription(top *Topic, account string, p SubscribeParams, now time.Time) *Subscription {
	sub := &Subscription{ARN: top.ARN + ":" + uuid.NewString(), TopicARN: top.ARN, Protocol: p.Protocol,
		Endpoint: p.Endpoint, Owner: account, Attributes: p.Attributes, Confirmed: !needsConfirmation[p.Protocol],
		CreatedAt: now}
	if !sub.Confirmed {
		b := make([]byte, 64)
		rand.Read(b)
		sub.Token = hex.EncodeToString(b)
	}
	return sub
}

// existingSubscription finds a subscription of the same protocol and
// endpoint; other attributes than the existing ones are an error.
func (t *txn) existingSubscription(top *Topic, p SubscribeParams) (*Subscription, error) {
	subs, err := t.subscriptions(top.Name)
	if err != nil {
		return nil, err
	}
	for i := range subs {
		if subs[i].Protocol == p.Protocol && subs[i].Endpoint == p.Endpoint {
			if len(p.Attributes) > 0 && !maps.Equal(subs[i].Attributes, p.Attributes) {
				return nil, invalid("Attributes Reason: Subscription already exists with different attributes")
			}
			return &subs[i], nil
		}
	}
	return nil, nil
}

// addSubscription stores a new subscription: a confirmed one changes the
// topic's item; a pending one gets its confirmation request recorded and
// sent.
func (t *txn) addSubscription(top *Topic, sub *Subscription) error {
	if err := t.putSubscription(top.Name, sub); err != nil {
		return err
	}
	if sub.Confirmed {
		return t.recordTopic(top, configitem.StatusOK)
	}
	d := &Delivery{Type: DeliverySubscriptionConfirmation, TopicARN: top.ARN, MessageID: uuid.NewString(),
		Message: confirmationText(top.ARN), Timestamp: t.now, SubscriptionARN: sub.ARN, Token: sub.Token}
	if err := t.appendDelivery(top, d); err != nil {
		return err
	}
	return t.sendConfirmation(top, sub, d)
}

// sendConfirmation sends a pending subscription's confirmation request:
// POSTed to http and https endpoints, mailed to email and email-json ones.
func (t *txn) sendConfirmation(top *Topic, sub *Subscription, d *Delivery) error {
	u := t.urls()
	switch sub.Protocol {
	case "http", "https":
		return t.postConfirmation(top, sub, d)
	case "email":
		return t.mail(confirmationEmail(u, top, sub, d))
	case "email-json":
		return t.mailJSON(top, sub, TypeSubscriptionConfirmation, "", u.confirmation(d))
	}
	return nil
}

func (t *txn) putSubscription(topic string, sub *Subscription) error {
	return store.PutRecord(t.tx, t.scope.Bucket(kindSubscription), subscriptionKey(topic, subID(sub.ARN)), sub)
}

func subID(arn string) string { return arn[strings.LastIndexByte(arn, ':')+1:] }

// ConfirmSubscription confirms a pending subscription with the token of
// its confirmation request; confirming again returns the subscription.
func (s *Service) ConfirmSubscription(ctx context.Context, scope tenant.Scope, topicARN, token string) (*Subscription, error) {
	var sub *Subscription
	err := s.update(ctx, scope, func(t *txn) error {
		top, err := t.loadTopic(topicARN, "TopicArn")
		if err != nil {
			return err
		}
		subs, err := t.subscriptions(top.Name)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(subs, func(s Subscription) bool { return s.Token != "" && s.Token == token })
		if i < 0 {
			return invalid("Invalid token")
		}
		if sub = &subs[i]; sub.Confirmed {
			return nil
		}
		sub.Confirmed = true
		if err := t.putSubscription(top.Name, sub); err != nil {
			return err
		}
		return t.recordTopic(top, configitem.StatusOK)
	})
	return sub, err
}

// Unsubscribe deletes a subscription.
func (s *Service) Unsubscribe(ctx context.Context, scope tenant.Scope, arn string) error {
	return s.update(ctx, scope, func(t *txn) error {
		sub, top, err := t.loadSubscription(arn)
		if err != nil {
			return err
		}
		if _, err := t.tx.Delete(t.scope.Bucket(kindSubscription), subscriptionKey(top.Name, subID(sub.ARN))); err != nil {
			return err
		}
		if !sub.Confirmed {
			return nil
		}
		return t.recordTopic(top, configitem.StatusOK)
	})
}

// loadSubscription reads a subscription and its topic by ARN.
func (t *txn) loadSubscription(arn string) (*Subscription, *Topic, error) {
	p, ok := parseARN(arn)
	if !ok || p.SubID == "" {
		return nil, nil, invalid("SubscriptionArn")
	}
	if err := checkOwner(t.scope, p, arn); err != nil {
		return nil, nil, err
	}
	if p.Region != t.scope.Region {
		return nil, nil, subscriptionNotFound()
	}
	var sub Subscription
	err := store.GetRecord(t.tx, t.scope.Bucket(kindSubscription), subscriptionKey(p.Name, p.SubID), &sub)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, subscriptionNotFound()
	}
	if err != nil {
		return nil, nil, err
	}
	top, err := t.topicByName(p.Name)
	return &sub, top, err
}

// ListSubscriptions lists subscriptions, 100 per page: of one topic when
// topicARN is set (NotFound for an unknown topic), else of every topic.
func (s *Service) ListSubscriptions(ctx context.Context, scope tenant.Scope, topicARN, nextToken string) (*Listing[Subscription], error) {
	var out *Listing[Subscription]
	err := s.view(ctx, scope, func(t *txn) error {
		name := ""
		if topicARN != "" {
			top, err := t.loadTopic(topicARN, "TopicArn")
			if err != nil {
				return err
			}
			name = top.Name
		}
		subs, err := t.subscriptions(name)
		if err != nil {
			return err
		}
		key := func(s Subscription) string { return s.ARN }
		slices.SortFunc(subs, func(a, b Subscription) int { return strings.Compare(a.ARN, b.ARN) })
		out, err = paginate(subs, key, "sns-subscriptions:"+name, nextToken)
		return err
	})
	return out, err
}

// GetSubscriptionAttributes returns a subscription's attributes, including
// the computed ones (Owner, PendingConfirmation, RawMessageDelivery…).
func (s *Service) GetSubscriptionAttributes(ctx context.Context, scope tenant.Scope, arn string) (map[string]string, error) {
	var out map[string]string
	err := s.view(ctx, scope, func(t *txn) error {
		sub, _, err := t.loadSubscription(arn)
		if err != nil {
			return err
		}
		out = subscriptionAttributes(sub)
		return nil
	})
	return out, err
}

// SetSubscriptionAttributes sets one attribute of a subscription.
func (s *Service) SetSubscriptionAttributes(ctx context.Context, scope tenant.Scope, arn, name, value string) error {
	if err := checkSubscriptionAttribute(name, value); err != nil {
		return err
	}
	return s.update(ctx, scope, func(t *txn) error {
		sub, top, err := t.loadSubscription(arn)
		if err != nil {
			return err
		}
		if sub.Attributes == nil {
			sub.Attributes = map[string]string{}
		}
		sub.Attributes[name] = value
		return t.putSubscription(top.Name, sub)
	})
}
