package discovery

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// commit records a scan's items, and the deletion of every resource of a
// completely listed type that is gone since it was last seen, in one
// transaction; then it remembers what the scan listed.
func (s *Service) commit(ctx context.Context, sc *scan) error {
	types := slices.Sorted(maps.Keys(sc.listed))
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		for _, it := range sc.items {
			if err := s.p.Sink.Record(tx, sc.scope, it); err != nil {
				return fmt.Errorf("record %s %s: %w", it.ResourceType, it.ResourceID, err)
			}
		}
		for _, t := range types {
			if err := s.recordDeletions(tx, sc, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range types {
		s.known[listingKey{sc.scope, t}] = sc.seen[t]
	}
	return nil
}

// recordDeletions records a deleted item for every resource of
// resourceType known before and not seen by the scan.
func (s *Service) recordDeletions(tx store.Tx, sc *scan, resourceType string) error {
	before, err := s.previous(tx, sc, resourceType)
	if err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(before)) {
		if sc.seen[resourceType][id] {
			continue
		}
		it := &configitem.Item{ResourceType: resourceType, ResourceID: id,
			Status: configitem.StatusResourceDeleted, CaptureTime: sc.now}
		if err := s.p.Sink.Record(tx, sc.scope, it); err != nil {
			return fmt.Errorf("record the deletion of %s %s: %w", resourceType, id, err)
		}
	}
	return nil
}

// previous returns the ids of resourceType present before this scan: the
// last listing's, or on the first listing the recorder's live items.
func (s *Service) previous(tx store.Tx, sc *scan, resourceType string) (map[string]bool, error) {
	if ids, ok := s.known[listingKey{sc.scope, resourceType}]; ok {
		return ids, nil
	}
	reader, ok := s.p.Sink.(currentReader)
	if !ok {
		return nil, nil
	}
	items, err := reader.CurrentItems(tx, sc.scope, resourceType)
	if err != nil {
		return nil, fmt.Errorf("read the recorded %s items: %w", resourceType, err)
	}
	ids := make(map[string]bool, len(items))
	for _, it := range items {
		ids[it.ResourceID] = true
	}
	return ids, nil
}
