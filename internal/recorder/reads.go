package recorder

import (
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// The reads below take a transaction so the rules evaluator can use them
// inside its own.

// ScanChanges returns up to limit entries of the global change queue
// (every account and region), oldest first; limit 0 means all.
func (s *Service) ScanChanges(tx store.Tx, limit int) ([]Change, error) {
	items, err := tx.Scan(store.ScanParams{Bucket: ChangeBucket, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]Change, 0, len(items))
	for _, kv := range items {
		var c Change
		if err := store.DecodeRecord(ChangeBucket, kv.Key, kv.Value, &c); err != nil {
			return nil, err
		}
		c.Key = kv.Key
		out = append(out, c)
	}
	return out, nil
}

// DeleteChange removes a handled entry from the change queue.
func (s *Service) DeleteChange(tx store.Tx, key string) error {
	_, err := tx.Delete(ChangeBucket, key)
	return err
}

// CurrentItem returns the current item of a resource (a ResourceDeleted
// one after its deletion), or nil if it was never recorded.
func (s *Service) CurrentItem(tx store.Tx, scope tenant.Scope, resourceType, resourceID string) (*configitem.Item, error) {
	rec, err := getItem(tx, scope, resourceType, resourceID)
	if err != nil || rec == nil {
		return nil, err
	}
	return &rec.Item, nil
}

// CurrentItems returns the current items of every live resource of a type,
// in resource id order.
func (s *Service) CurrentItems(tx store.Tx, scope tenant.Scope, resourceType string) ([]configitem.Item, error) {
	bucket := scope.Bucket(kindItem)
	items, err := tx.Scan(store.ScanParams{Bucket: bucket, Prefix: prefixOf(resourceType)})
	if err != nil {
		return nil, err
	}
	recs, err := decodeItems(bucket, items)
	if err != nil {
		return nil, err
	}
	out := make([]configitem.Item, 0, len(recs))
	for _, r := range recs {
		if !r.Item.Deleted() {
			out = append(out, r.Item)
		}
	}
	return out, nil
}

// History returns up to limit items of a resource, newest first; limit 0
// means all.
func (s *Service) History(tx store.Tx, scope tenant.Scope, resourceType, resourceID string, limit int) ([]configitem.Item, error) {
	bucket := scope.Bucket(kindHistory)
	items, err := tx.Scan(store.ScanParams{Bucket: bucket, Prefix: prefixOf(resourceType, resourceID), Limit: limit})
	if err != nil {
		return nil, err
	}
	recs, err := decodeItems(bucket, items)
	if err != nil {
		return nil, err
	}
	out := make([]configitem.Item, len(recs))
	for i, r := range recs {
		out[i] = r.Item
	}
	return out, nil
}
