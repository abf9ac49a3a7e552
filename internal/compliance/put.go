package compliance

import (
	"context"
	"fmt"
	"github.com/salvehq/salve/internal/configitem"
	"slices"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/store"
)

// Put applies one PutComplianceItems call in one transaction.
//
// COMPLETE replaces every item of p.ComplianceType on the resource (other
// compliance types are untouched); with no items it removes the type from
// the resource. PARTIAL (Association only) replaces the given items by Id
// and keeps the others. A ContentHash equal to the stored one makes the
// call a no-op.
func (s *Service) Put(ctx context.Context, p PutParams) error {
	if err := checkPut(p); err != nil {
		return err
	}
	w := putWrite{PutParams: p, b: bucketsOf(p.Scope), incoming: storedItems(p), now: s.clock.Now(), sink: s.sink}
	if err := s.store.Update(ctx, w.apply); err != nil {
		return fmt.Errorf("put compliance items: %w", err)
	}
	if w.recorded {
		s.sink.Changed()
	}
	return nil
}

// putWrite is one Put inside its transaction.
type putWrite struct {
	PutParams
	b        buckets
	incoming []storedItem
	now      time.Time
	sink     configitem.Sink
	// recorded is set when the call recorded a configuration item.
	recorded bool
}

// apply runs inside the Update transaction.
func (w *putWrite) apply(tx store.Tx) error {
	var sum summaryRecord
	sKey := summaryKey(w.ComplianceType, w.ResourceType, w.ResourceID)
	found, err := getJSON(tx, w.b.summaries, sKey, &sum)
	if err != nil {
		return err
	}
	if found && w.ContentHash != "" && w.ContentHash == sum.ContentHash {
		return nil
	}
	items, err := w.result(tx)
	if err != nil {
		return err
	}
	if err := checkTotal(items); err != nil {
		return err
	}
	if len(items) == 0 {
		if err := w.remove(tx, sKey); err != nil {
			return err
		}
		return w.record(tx, nil, found)
	}
	if !found {
		if err := w.checkNewType(tx); err != nil {
			return err
		}
	}
	if err := w.write(tx, sKey, items); err != nil {
		return err
	}
	return w.record(tx, items, found)
}

// result returns the items the (resource, type) holds after the call.
func (w *putWrite) result(tx store.Tx) ([]storedItem, error) {
	if w.UploadType != UploadPartial {
		return w.incoming, nil
	}
	var old itemsRecord
	if _, err := getJSON(tx, w.b.items, w.itemsKey(), &old); err != nil {
		return nil, err
	}
	return mergeItems(old.Items, w.incoming), nil
}

// checkNewType enforces the custom type limit when the (resource, type)
// pair is new.
func (w *putWrite) checkNewType(tx store.Tx) error {
	if !IsCustomType(w.ComplianceType) {
		return nil
	}
	existing, err := customTypes(tx, w.b.summaries, MaxCustomTypes+1)
	if err != nil {
		return err
	}
	return checkCustomTypeLimit(existing, w.ComplianceType)
}

// write stores the items and their summary.
func (w *putWrite) write(tx store.Tx, sKey string, items []storedItem) error {
	if err := putJSON(tx, w.b.items, w.itemsKey(), itemsRecord{Items: items}); err != nil {
		return err
	}
	compliant, nonCompliant := countItems(items)
	return putJSON(tx, w.b.summaries, sKey, summaryRecord{
		ResourceType: w.ResourceType, ResourceID: w.ResourceID, ComplianceType: w.ComplianceType,
		Execution: w.Execution, ContentHash: w.ContentHash,
		Compliant: compliant, NonCompliant: nonCompliant, UpdatedAt: w.now,
	})
}

// remove deletes the (resource, type) pair: it has no items left.
func (w *putWrite) remove(tx store.Tx, sKey string) error {
	if _, err := tx.Delete(w.b.items, w.itemsKey()); err != nil {
		return fmt.Errorf("delete items: %w", err)
	}
	if _, err := tx.Delete(w.b.summaries, sKey); err != nil {
		return fmt.Errorf("delete summary: %w", err)
	}
	return nil
}

func (w *putWrite) itemsKey() string {
	return itemsKey(w.ResourceType, w.ResourceID, w.ComplianceType)
}

// storedItems converts the entries of p into stored items sorted by key.
func storedItems(p PutParams) []storedItem {
	out := make([]storedItem, len(p.Items))
	for i, e := range p.Items {
		out[i] = storedItem{
			Key: itemKey(e.ID, i), ID: e.ID, Title: e.Title, Severity: e.Severity, Status: e.Status,
			Details: e.Details, Execution: p.Execution,
		}
	}
	sortItems(out)
	return out
}

func sortItems(items []storedItem) {
	slices.SortFunc(items, func(a, b storedItem) int { return strings.Compare(a.Key, b.Key) })
}

// mergeItems returns old with every item of incoming put in place of the
// old item with the same key (or added), sorted by key.
func mergeItems(old, incoming []storedItem) []storedItem {
	byKey := make(map[string]storedItem, len(old)+len(incoming))
	for _, it := range old {
		byKey[it.Key] = it
	}
	for _, it := range incoming {
		byKey[it.Key] = it
	}
	out := make([]storedItem, 0, len(byKey))
	for _, it := range byKey {
		out = append(out, it)
	}
	sortItems(out)
	return out
}

// customTypes returns up to limit distinct custom compliance types that
// some resource of the scope holds, skipping from one type to the next so
// that the cost is one short scan per type.
func customTypes(tx store.Tx, bucket string, limit int) ([]string, error) {
	var out []string
	after := ""
	for len(out) < limit {
		items, err := tx.Scan(store.ScanParams{Bucket: bucket, Prefix: CustomPrefix, After: after, Limit: 1})
		if err != nil {
			return nil, fmt.Errorf("scan compliance types: %w", err)
		}
		if len(items) == 0 {
			break
		}
		t := store.SplitKey(items[0].Key)[0]
		out = append(out, t)
		after = afterAll(t)
	}
	return out, nil
}
