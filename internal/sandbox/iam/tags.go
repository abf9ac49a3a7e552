package iam

import (
	"context"
	"sort"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// maxTags is the tag quota of every IAM resource.
const maxTags = 50

// checkNewTags rejects duplicate keys (IAM tag keys ignore case) and
// keys in the aws: namespace.
func checkNewTags(tags []Tag) error {
	seen := map[string]bool{}
	for _, t := range tags {
		k := strings.ToLower(t.Key)
		if seen[k] {
			return invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.")
		}
		seen[k] = true
		if strings.HasPrefix(k, "aws:") {
			return invalidInput("User requested tag keys that are reserved for AWS: %s.", t.Key)
		}
	}
	return nil
}

// mergeTags sets tags over existing ones (a key equal but for case
// replaces the old tag) and enforces the quota of kind.
func mergeTags(existing, tags []Tag, kind string) ([]Tag, error) {
	if err := checkNewTags(tags); err != nil {
		return nil, err
	}
	out := append([]Tag(nil), existing...)
	for _, t := range tags {
		replaced := false
		for i := range out {
			if strings.EqualFold(out[i].Key, t.Key) {
				out[i], replaced = t, true
			}
		}
		if !replaced {
			out = append(out, t)
		}
	}
	if len(out) > maxTags {
		return nil, quota("TagsPer"+kind, maxTags)
	}
	return out, nil
}

// removeTags drops the tags whose key is in keys (ignoring case).
func removeTags(existing []Tag, keys []string) []Tag {
	out := existing[:0:0]
	for _, t := range existing {
		if !containsFold(keys, t.Key) {
			out = append(out, t)
		}
	}
	return out
}

// TagIdentity adds or replaces tags of a role or user.
func (s *Service) TagIdentity(ctx context.Context, scope tenant.Scope, kind Kind, name string, tags []Tag) error {
	return s.update(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		b := e.base()
		if b.Tags, err = mergeTags(b.Tags, tags, string(kind)); err != nil {
			return err
		}
		return t.saveIdentity(e, configitem.StatusOK)
	})
}

// UntagIdentity removes tags of a role or user; absent keys are ignored.
func (s *Service) UntagIdentity(ctx context.Context, scope tenant.Scope, kind Kind, name string, keys []string) error {
	return s.update(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		e.base().Tags = removeTags(e.base().Tags, keys)
		return t.saveIdentity(e, configitem.StatusOK)
	})
}

// IdentityTags lists the tags of a role or user, sorted by key.
func (s *Service) IdentityTags(ctx context.Context, scope tenant.Scope, kind Kind, name string, page Page) (*Listing[Tag], error) {
	var out *Listing[Tag]
	err := s.view(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		tags := append([]Tag(nil), e.base().Tags...)
		sort.Slice(tags, func(i, j int) bool { return strings.ToLower(tags[i].Key) < strings.ToLower(tags[j].Key) })
		out, err = paginate(tags, func(t Tag) string { return strings.ToLower(t.Key) }, "iam-tags", page)
		return err
	})
	return out, err
}
