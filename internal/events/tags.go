package events

import (
	"context"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxTags is how many tags a rule or bus can have.
const MaxTags = 50

// taggable is a rule or custom bus loaded for a tag operation.
type taggable struct {
	rule *Rule
	bus  *Bus
}

func (tg *taggable) tags() []Tag {
	if tg.rule != nil {
		return tg.rule.Tags
	}
	return tg.bus.Tags
}

func (tg *taggable) setTags(tags []Tag) {
	if tg.rule != nil {
		tg.rule.Tags = tags
		return
	}
	tg.bus.Tags = tags
}

// resource loads the rule or custom bus an ARN names.
func (t *txn) resource(arn string) (*taggable, error) {
	if rest, ok := strings.CutPrefix(arn, t.scope.ARN("events", "rule/")); ok {
		bus, name := DefaultBus, rest
		if i := strings.LastIndexByte(rest, '/'); i >= 0 {
			bus, name = rest[:i], rest[i+1:]
		}
		r, err := t.rule(bus, name)
		return &taggable{rule: r}, err
	}
	if name, ok := strings.CutPrefix(arn, busARN(t.scope, "")); ok && name != DefaultBus {
		b, err := t.bus(name)
		return &taggable{bus: b}, err
	}
	return nil, Err(CodeResourceNotFound, "Resource %s does not exist.", arn)
}

// save stores a tagged resource and records its configuration item.
func (t *txn) save(res *taggable) error {
	if res.rule != nil {
		return t.saveRule(res.rule)
	}
	res.bus.UpdatedAt = t.now
	if err := store.PutRecord(t.tx, t.scope.Bucket(kindBus), store.Key(res.bus.Name), res.bus); err != nil {
		return err
	}
	return t.recordBus(res.bus, configitem.StatusOK)
}

// TagResource adds or replaces tags of a rule or custom bus.
func (s *Service) TagResource(ctx context.Context, scope tenant.Scope, arn string, tags []Tag) error {
	for _, tag := range tags {
		if strings.HasPrefix(strings.ToLower(tag.Key), "aws:") {
			return validation("Tag keys starting with aws: are reserved for AWS use.")
		}
	}
	return s.update(ctx, scope, func(t *txn) error {
		res, err := t.resource(arn)
		if err != nil {
			return err
		}
		merged := slices.Clone(res.tags())
		for _, tag := range tags {
			i := slices.IndexFunc(merged, func(x Tag) bool { return x.Key == tag.Key })
			if i >= 0 {
				merged[i] = tag
			} else {
				merged = append(merged, tag)
			}
		}
		if len(merged) > MaxTags {
			return validation("A resource can have at most %d tags.", MaxTags)
		}
		res.setTags(merged)
		return t.save(res)
	})
}

// UntagResource removes tags by key; keys it does not have are ignored.
func (s *Service) UntagResource(ctx context.Context, scope tenant.Scope, arn string, keys []string) error {
	return s.update(ctx, scope, func(t *txn) error {
		res, err := t.resource(arn)
		if err != nil {
			return err
		}
		kept := slices.DeleteFunc(slices.Clone(res.tags()), func(x Tag) bool { return slices.Contains(keys, x.Key) })
		if len(kept) == len(res.tags()) {
			return nil
		}
		res.setTags(kept)
		return t.save(res)
	})
}

// ListTagsForResource returns a rule's or custom bus's tags by key.
func (s *Service) ListTagsForResource(ctx context.Context, scope tenant.Scope, arn string) ([]Tag, error) {
	var tags []Tag
	err := s.view(ctx, scope, func(t *txn) error {
		res, err := t.resource(arn)
		if err == nil {
			tags = sortedTags(res.tags())
		}
		return err
	})
	return tags, err
}
