package sns

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// CreateTopicParams are CreateTopic's inputs.
type CreateTopicParams struct {
	Name       string
	Attributes map[string]string
	Tags       []Tag
}

// CreateTopic creates a topic, or returns the existing topic of that name
// when it was created with the same attributes and tags (CreateTopic is
// idempotent).
func (s *Service) CreateTopic(ctx context.Context, scope tenant.Scope, p CreateTopicParams) (*Topic, error) {
	attrs, err := createAttributes(p)
	if err != nil {
		return nil, err
	}
	if err := checkTags(p.Tags); err != nil {
		return nil, err
	}
	var top *Topic
	err = s.update(ctx, scope, func(t *txn) error {
		existing, err := t.topicByName(p.Name)
		if err == nil {
			top = existing
			return sameTopic(existing, attrs, p.Tags)
		}
		if !isNotFound(err) {
			return err
		}
		top = &Topic{Name: p.Name, ARN: scope.ARN("sns", p.Name), Attributes: attrs, Tags: p.Tags, CreatedAt: t.now}
		if err := t.putTopic(top); err != nil {
			return err
		}
		return t.recordTopic(top, configitem.StatusResourceDiscovered)
	})
	return top, err
}

// createAttributes checks CreateTopic's name and attributes and returns
// the attributes to store.
func createAttributes(p CreateTopicParams) (map[string]string, error) {
	fifo := strings.EqualFold(p.Attributes[AttrFifoTopic], "true")
	if !validTopicName(p.Name, fifo) {
		if fifo {
			return nil, invalid("Fifo Topic names must end with .fifo and must be made up of only uppercase and " +
				"lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.")
		}
		return nil, invalid("Topic Name")
	}
	attrs := make(map[string]string, len(p.Attributes))
	for _, k := range slices.Sorted(maps.Keys(p.Attributes)) {
		if err := checkTopicAttribute(k, p.Attributes[k], fifo, true); err != nil {
			return nil, err
		}
		attrs[k] = normalize(k, p.Attributes[k])
	}
	if !fifo {
		delete(attrs, AttrFifoTopic)
	}
	return attrs, nil
}

// normalize stores boolean attributes in lower case.
func normalize(name, value string) string {
	if name == AttrFifoTopic || name == AttrContentBasedDeduplication {
		return strings.ToLower(value)
	}
	return value
}

// sameTopic refuses a CreateTopic that names an existing topic with other
// attributes or tags.
func sameTopic(top *Topic, attrs map[string]string, tags []Tag) error {
	for k, v := range attrs {
		if top.Attributes[k] != v {
			return invalid("Attributes Reason: Topic already exists with different attributes")
		}
	}
	for _, tag := range tags {
		if !slices.Contains(top.Tags, tag) {
			return invalid("Tags Reason: Topic already exists with different tags")
		}
	}
	return nil
}

// DeleteTopic deletes a topic, its subscriptions and its delivery
// records. Deleting a topic that does not exist succeeds, as in AWS.
func (s *Service) DeleteTopic(ctx context.Context, scope tenant.Scope, arn string) error {
	return s.update(ctx, scope, func(t *txn) error {
		top, err := t.loadTopic(arn, "TopicArn")
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		for _, kind := range []string{kindSubscription, kindDelivery, kindDedup} {
			if err := t.deleteAll(kind, store.Key(top.Name)+"/"); err != nil {
				return err
			}
		}
		if _, err := t.tx.Delete(t.scope.Bucket(kindTopic), top.Name); err != nil {
			return err
		}
		return t.recordTopic(top, configitem.StatusResourceDeleted)
	})
}

// deleteAll deletes every key of a bucket that starts with prefix.
func (t *txn) deleteAll(kind, prefix string) error {
	items, err := t.tx.Scan(store.ScanParams{Bucket: t.scope.Bucket(kind), Prefix: prefix})
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

// ListTopics lists the topics' ARNs by name, 100 per page.
func (s *Service) ListTopics(ctx context.Context, scope tenant.Scope, nextToken string) (*Listing[string], error) {
	var out *Listing[string]
	err := s.view(ctx, scope, func(t *txn) error {
		items, err := t.tx.Scan(store.ScanParams{Bucket: t.scope.Bucket(kindTopic)})
		if err != nil {
			return err
		}
		names := make([]string, len(items))
		for i, it := range items {
			names[i] = it.Key
		}
		page, err := paginate(names, func(n string) string { return n }, "sns-topics", nextToken)
		if err != nil {
			return err
		}
		out = &Listing[string]{NextToken: page.NextToken}
		for _, n := range page.Items {
			out.Items = append(out.Items, scope.ARN("sns", n))
		}
		return nil
	})
	return out, err
}

// GetTopicAttributes returns every attribute of a topic, including the
// computed ones (Owner, SubscriptionsConfirmed, EffectiveDeliveryPolicy…).
func (s *Service) GetTopicAttributes(ctx context.Context, scope tenant.Scope, arn string) (map[string]string, error) {
	var out map[string]string
	err := s.view(ctx, scope, func(t *txn) error {
		top, err := t.loadTopic(arn, "TopicArn")
		if err != nil {
			return err
		}
		n, err := t.counts(top.Name)
		if err != nil {
			return err
		}
		out = topicAttributes(top, scope.AccountID, n)
		return nil
	})
	return out, err
}

// SetTopicAttributes sets one attribute of a topic; an empty value
// removes an optional attribute (KmsMasterKeyId "" turns encryption off).
func (s *Service) SetTopicAttributes(ctx context.Context, scope tenant.Scope, arn, name, value string) error {
	return s.update(ctx, scope, func(t *txn) error {
		top, err := t.loadTopic(arn, "TopicArn")
		if err != nil {
			return err
		}
		if err := checkTopicAttribute(name, value, top.Fifo(), false); err != nil {
			return err
		}
		if top.Attributes == nil {
			top.Attributes = map[string]string{}
		}
		top.Attributes[name] = normalize(name, value)
		if value == "" && name != AttrDisplayName {
			delete(top.Attributes, name)
		}
		if err := t.putTopic(top); err != nil {
			return err
		}
		return t.recordTopic(top, configitem.StatusOK)
	})
}

// counts counts a topic's confirmed and pending subscriptions.
func (t *txn) counts(topic string) (subscriptionCounts, error) {
	subs, err := t.subscriptions(topic)
	var n subscriptionCounts
	for _, s := range subs {
		if s.Confirmed {
			n.Confirmed++
		} else {
			n.Pending++
		}
	}
	return n, err
}
