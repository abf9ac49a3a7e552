package remediation

import (
	"errors"
	"fmt"

	"github.com/salvehq/salve/internal/store"
)

// Record kinds; bucket names are per account and region (tenant.Scope).
const (
	kindConfiguration = "remediation-configuration"
	kindException     = "remediation-exception"
	kindExecution     = "remediation-execution"
)

// resourceKey is the store key of a (rule, resource) record.
func resourceKey(rule, resourceType, resourceID string) string {
	return store.Key(rule, resourceType, resourceID)
}

// rulePrefix is the scan prefix of every (rule, resource) key of a rule.
func rulePrefix(rule string) string { return store.Key(rule) + "/" }

// getJSON loads (bucket, key) into v; store.ErrNotFound passes through.
func getJSON(tx store.Tx, bucket, key string, v any) error {
	return store.GetRecord(tx, bucket, key, v)
}

// putJSON stores v under (bucket, key).
func putJSON(tx store.Tx, bucket, key string, v any) error {
	return store.PutRecord(tx, bucket, key, v)
}

// found turns store.ErrNotFound into (false, nil).
func found(err error) (bool, error) {
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// scanJSON decodes every item of a scan, calling fn with its key.
func scanJSON[T any](tx store.Tx, p store.ScanParams, fn func(key string, v *T) error) error {
	items, err := tx.Scan(p)
	if err != nil {
		return fmt.Errorf("scan %q: %w", p.Bucket, err)
	}
	for _, it := range items {
		v := new(T)
		if err := store.DecodeRecord(p.Bucket, it.Key, it.Value, v); err != nil {
			return err
		}
		if err := fn(it.Key, v); err != nil {
			return err
		}
	}
	return nil
}
