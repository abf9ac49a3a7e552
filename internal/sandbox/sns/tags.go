package sns

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// maxTags is the tag quota of a topic.
const maxTags = 50

// checkTags rejects duplicate keys, reserved keys and bad lengths.
func checkTags(tags []Tag) error {
	seen := map[string]bool{}
	for _, t := range tags {
		if seen[t.Key] {
			return invalid("Duplicated keys are not allowed.")
		}
		seen[t.Key] = true
		if n := utf8.RuneCountInString(t.Key); n < 1 || n > 128 || utf8.RuneCountInString(t.Value) > 256 {
			return invalid("Tags Reason: tag keys must be 1 to 128 characters and values at most 256")
		}
		if strings.HasPrefix(strings.ToLower(t.Key), "aws:") {
			return invalid("Tags Reason: Keys starting with aws: are reserved for AWS use: %s", t.Key)
		}
	}
	if len(tags) > maxTags {
		return tagLimit()
	}
	return nil
}

func tagLimit() error {
	return Err(CodeTagLimitExceeded, "Could not complete request: tag quota of per resource exceeded")
}

// loadTagged reads the topic a tagging call names: an unknown topic is
// ResourceNotFound there, not NotFound.
func (t *txn) loadTagged(arn string) (*Topic, error) {
	top, err := t.loadTopic(arn, "ResourceArn")
	if isNotFound(err) {
		return nil, Err(CodeResourceNotFound, "Resource does not exist")
	}
	return top, err
}

// TagResource adds or replaces tags of a topic.
func (s *Service) TagResource(ctx context.Context, scope tenant.Scope, arn string, tags []Tag) error {
	if err := checkTags(tags); err != nil {
		return err
	}
	return s.update(ctx, scope, func(t *txn) error {
		top, err := t.loadTagged(arn)
		if err != nil {
			return err
		}
		for _, tag := range tags {
			top.Tags = slices.DeleteFunc(top.Tags, func(old Tag) bool { return old.Key == tag.Key })
			top.Tags = append(top.Tags, tag)
		}
		if len(top.Tags) > maxTags {
			return tagLimit()
		}
		return t.saveTagged(top)
	})
}

// UntagResource removes tags of a topic; absent keys are ignored.
func (s *Service) UntagResource(ctx context.Context, scope tenant.Scope, arn string, keys []string) error {
	return s.update(ctx, scope, func(t *txn) error {
		top, err := t.loadTagged(arn)
		if err != nil {
			return err
		}
		top.Tags = slices.DeleteFunc(top.Tags, func(old Tag) bool { return slices.Contains(keys, old.Key) })
		return t.saveTagged(top)
	})
}

func (t *txn) saveTagged(top *Topic) error {
	if err := t.putTopic(top); err != nil {
		return err
	}
	return t.recordTopic(top, configitem.StatusOK)
}

// ListTagsForResource returns a topic's tags in the order they were set.
func (s *Service) ListTagsForResource(ctx context.Context, scope tenant.Scope, arn string) ([]Tag, error) {
	var out []Tag
	err := s.view(ctx, scope, func(t *txn) error {
		top, err := t.loadTagged(arn)
		if err != nil {
			return err
		}
		out = top.Tags
		return nil
	})
	return out, err
}
