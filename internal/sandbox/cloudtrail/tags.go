package cloudtrail

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// AddTags adds tags to the trail with the given ARN, replacing the values
// of keys it already has; it must be called from the trail's home region.
func (s *Service) AddTags(ctx context.Context, scope tenant.Scope, resourceID string, tags []Tag) error {
	if err := validateTags(tags); err != nil {
		return err
	}
	return s.changeTags(ctx, scope, resourceID, func(t *Trail) error {
		for _, tag := range tags {
			i := slices.IndexFunc(t.Tags, func(x Tag) bool { return x.Key == tag.Key })
			if i >= 0 {
				t.Tags[i] = tag
			} else {
				t.Tags = append(t.Tags, tag)
			}
		}
		if len(t.Tags) > maxTagsPerTrail {
			return tagsLimit(len(t.Tags))
		}
		return nil
	})
}

// RemoveTags removes tags from the trail with the given ARN: a tag given
// with a value is removed only if the trail's tag has that value.
func (s *Service) RemoveTags(ctx context.Context, scope tenant.Scope, resourceID string, tags []Tag) error {
	return s.changeTags(ctx, scope, resourceID, func(t *Trail) error {
		t.Tags = slices.DeleteFunc(t.Tags, func(x Tag) bool {
			return slices.ContainsFunc(tags, func(r Tag) bool {
				return r.Key == x.Key && (r.Value == nil || x.Value != nil && *r.Value == *x.Value)
			})
		})
		return nil
	})
}

func (s *Service) changeTags(ctx context.Context, scope tenant.Scope, resourceID string, change func(*Trail) error) error {
	var recorded bool
	err := s.store.Update(ctx, func(tx store.Tx) error {
		before, err := taggedTrail(tx, scope, resourceID)
		if err != nil {
			return err
		}
		if before.HomeRegion != scope.Region {
			return notHomeRegion(before, scope.Region)
		}
		after := before.clone()
		if err := change(after); err != nil {
			return err
		}
		if err := saveTrail(tx, after); err != nil {
			return err
		}
		recorded, err = s.recordChange(tx, before, after, s.clock.Now().UTC())
		return err
	})
	if err == nil && recorded {
		s.sink.Changed()
	}
	return err
}

// ResourceTags are the tags of one resource (ListTags).
type ResourceTags struct {
	ResourceID string
	Tags       []Tag
}

// ListTags returns the tags of up to 20 trails, by ARN.
func (s *Service) ListTags(ctx context.Context, scope tenant.Scope, resourceIDs []string) ([]ResourceTags, error) {
	if len(resourceIDs) > maxListTagsARNs {
		return nil, InvalidParameter("ResourceIdList holds %d ARNs; the limit is %d.", len(resourceIDs), maxListTagsARNs)
	}
	out := make([]ResourceTags, 0, len(resourceIDs))
	err := s.store.View(ctx, func(tx store.Tx) error {
		for _, id := range resourceIDs {
			t, err := taggedTrail(tx, scope, id)
			if err != nil {
				return err
			}
			out = append(out, ResourceTags{ResourceID: id, Tags: t.Tags})
		}
		return nil
	})
	return out, err
}

// taggedTrail resolves the ARN of a tagging call: only trails exist in
// Salve, so other CloudTrail resources are not found.
func taggedTrail(tx store.Tx, scope tenant.Scope, resourceID string) (*Trail, error) {
	a, err := ParseARN(resourceID)
	if err != nil {
		return nil, err
	}
	switch a.Type {
	case "trail":
	case "eventdatastore":
		return nil, newError(CodeEventDataStoreNotFound, "The event data store %s is not found.", resourceID)
	case "channel":
		return nil, newError(CodeChannelNotFound, "The channel %s is not found.", resourceID)
	case "dashboard":
		return nil, newError(CodeResourceNotFound, "The dashboard %s is not found.", resourceID)
	default:
		return nil, newError(CodeARNInvalid, "%q is not the ARN of a CloudTrail resource.", resourceID)
	}
	t, err := resolveARN(tx, scope, resourceID)
	if awserr.Is(err, CodeTrailNotFound) {
		return nil, newError(CodeResourceNotFound, "The resource %s is not found.", resourceID)
	}
	return t, err
}

func tagsLimit(n int) error {
	return newError(CodeTagsLimitExceeded, "A trail may have at most %d tags; this request would give it %d.", maxTagsPerTrail, n)
}
