package cloudtrail

import (
	"errors"
	"fmt"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds. A trail is stored once, in its home region's bucket; the
// account-wide index lets every region find the multi-region trails it
// shows as shadow trails (and ListTrails every trail of the account).
const (
	// kindTrail holds Trail records keyed by name, per account and region.
	kindTrail = "cloudtrail-trail"
	// kindTrailIndex holds an indexEntry per trail of an account, keyed by
	// (home region, name), in one bucket per account.
	kindTrailIndex = "cloudtrail-trail-index"
)

// indexEntry is what the account index knows of a trail.
type indexEntry struct {
	MultiRegion bool `json:"multiRegion,omitempty"`
}

// indexRef is one trail named by the account index.
type indexRef struct {
	Region, Name string
	indexEntry
}

func indexBucket(accountID string) string { return store.Key(kindTrailIndex, accountID) }

// loadTrail returns the trail stored under name in home, or nil.
func loadTrail(tx store.Tx, home tenant.Scope, name string) (*Trail, error) {
	var t Trail
	err := store.GetRecord(tx, home.Bucket(kindTrail), name, &t)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load trail %q: %w", name, err)
	}
	return &t, nil
}

// saveTrail stores the trail and its index entry.
func saveTrail(tx store.Tx, t *Trail) error {
	if err := store.PutRecord(tx, t.home().Bucket(kindTrail), t.Name, t); err != nil {
		return err
	}
	return store.PutRecord(tx, indexBucket(t.AccountID), store.Key(t.HomeRegion, t.Name),
		indexEntry{MultiRegion: t.IsMultiRegionTrail})
}

// deleteTrail removes the trail and its index entry.
func deleteTrail(tx store.Tx, t *Trail) error {
	if _, err := tx.Delete(t.home().Bucket(kindTrail), t.Name); err != nil {
		return fmt.Errorf("delete trail %q: %w", t.Name, err)
	}
	if _, err := tx.Delete(indexBucket(t.AccountID), store.Key(t.HomeRegion, t.Name)); err != nil {
		return fmt.Errorf("delete trail %q from the index: %w", t.Name, err)
	}
	return nil
}

// accountIndex lists every trail of an account, ordered by (home region,
// name).
func accountIndex(tx store.Tx, accountID string) ([]indexRef, error) {
	items, err := tx.Scan(store.ScanParams{Bucket: indexBucket(accountID)})
	if err != nil {
		return nil, fmt.Errorf("scan the trail index: %w", err)
	}
	out := make([]indexRef, 0, len(items))
	for _, it := range items {
		parts := store.SplitKey(it.Key)
		if len(parts) != 2 {
			return nil, fmt.Errorf("trail index key %q is malformed", it.Key)
		}
		ref := indexRef{Region: parts[0], Name: parts[1]}
		if err := store.DecodeRecord(indexBucket(accountID), it.Key, it.Value, &ref.indexEntry); err != nil {
			return nil, err
		}
		out = append(out, ref)
	}
	return out, nil
}

// visibleIn reports whether the indexed trail is seen from region.
func (r indexRef) visibleIn(region string) bool { return r.Region == region || r.MultiRegion }

// visibleTrails loads the trails seen from scope's region: its own, then
// the shadows of other regions' multi-region trails when shadows is set.
func visibleTrails(tx store.Tx, scope tenant.Scope, shadows bool) ([]*Trail, error) {
	refs, err := accountIndex(tx, scope.AccountID)
	if err != nil {
		return nil, err
	}
	var own, others []*Trail
	for _, r := range refs {
		if !r.visibleIn(scope.Region) || (!shadows && r.Region != scope.Region) {
			continue
		}
		t, err := loadTrail(tx, tenant.Scope{AccountID: scope.AccountID, Region: r.Region}, r.Name)
		if err != nil {
			return nil, err
		}
		if t == nil {
			return nil, fmt.Errorf("trail index names %s/%s, which is not stored", r.Region, r.Name)
		}
		if r.Region == scope.Region {
			own = append(own, t)
		} else {
			others = append(others, t)
		}
	}
	return append(own, others...), nil
}
