package securityhub

import (
	"errors"
	"fmt"
	"slices"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds (store buckets, per scope).
const (
	kindFinding = "securityhub-finding"
	kindHub     = "securityhub-hub"
)

// hubKey is the key of a scope's one hub record.
const hubKey = "hub"

// record is a stored finding.
type record struct {
	Finding Finding `json:"finding"`
	// CustomerSet names the members a customer set with BatchUpdateFindings
	// (Severity, Types, Confidence, Criticality, RelatedFindings): a
	// provider's later update leaves them as the customer set them.
	CustomerSet []string `json:"customerSet,omitempty"`
}

// customerSet reports whether a customer set the member.
func (r *record) customerSet(member string) bool { return slices.Contains(r.CustomerSet, member) }

// markCustomerSet notes that a customer set the member.
func (r *record) markCustomerSet(member string) {
	if !r.customerSet(member) {
		r.CustomerSet = append(r.CustomerSet, member)
	}
}

// findingKey is the store key of a finding.
func findingKey(id Identifier) string { return store.Key(id.ProductArn, id.ID) }

// getFinding returns a stored finding, or nil.
func getFinding(tx store.Tx, scope tenant.Scope, id Identifier) (*record, error) {
	var r record
	err := store.GetRecord(tx, scope.Bucket(kindFinding), findingKey(id), &r)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load finding %q: %w", id.ID, err)
	}
	return &r, nil
}

// putFinding stores a finding.
func putFinding(tx store.Tx, scope tenant.Scope, r *record) error {
	if err := store.PutRecord(tx, scope.Bucket(kindFinding), findingKey(r.Finding.Identifier()), r); err != nil {
		return fmt.Errorf("store finding %q: %w", r.Finding.ID, err)
	}
	return nil
}

// scanFindings returns the stored findings of a scope whose key starts
// with prefix ("" for all), in key order.
func scanFindings(tx store.Tx, scope tenant.Scope, prefix string) ([]*record, error) {
	bucket := scope.Bucket(kindFinding)
	items, err := tx.Scan(store.ScanParams{Bucket: bucket, Prefix: prefix})
	if err != nil {
		return nil, fmt.Errorf("scan findings: %w", err)
	}
	out := make([]*record, 0, len(items))
	for _, it := range items {
		var r record
		if err := store.DecodeRecord(bucket, it.Key, it.Value, &r); err != nil {
			return nil, err
		}
		out = append(out, &r)
	}
	return out, nil
}
