package rules

import (
	"fmt"

	"github.com/salvehq/salve/internal/store"
)

// scanChunk is how many items each is read per store call.
const scanChunk = 256

// each calls fn for every item p selects, in key order, reading the store
// in chunks; fn returns false to stop early.
func each(tx store.Tx, p store.ScanParams, fn func(store.Item) (bool, error)) error {
	p.Limit = scanChunk
	for {
		items, err := tx.Scan(p)
		if err != nil {
			return fmt.Errorf("scan %q: %w", p.Bucket, err)
		}
		for _, it := range items {
			more, err := fn(it)
			if err != nil || !more {
				return err
			}
		}
		if len(items) < scanChunk {
			return nil
		}
		p.After = items[len(items)-1].Key
	}
}

// eachResult is each for buckets of EvaluationResults. In the by-resource
// bucket a result is an index entry (see putResult): fn gets its rule,
// resource and ComplianceType only.
func eachResult(tx store.Tx, p store.ScanParams, fn func(EvaluationResult) (bool, error)) error {
	return each(tx, p, func(it store.Item) (bool, error) {
		r, err := decodeResult(p.Bucket, it)
		if err != nil {
			return false, err
		}
		return fn(r)
	})
}

// decodeResult decodes a stored result: a JSON EvaluationResult, or a
// by-resource index entry, whose key is (resourceType, resourceId, rule)
// and whose value is the ComplianceType (never JSON: it does not start
// with '{').
func decodeResult(bucket string, it store.Item) (EvaluationResult, error) {
	var r EvaluationResult
	if len(it.Value) > 0 && it.Value[0] == '{' {
		err := store.DecodeRecord(bucket, it.Key, it.Value, &r)
		return r, err
	}
	parts := store.SplitKey(it.Key)
	if len(parts) != 3 {
		return r, fmt.Errorf("decode %q in %q: not a result index key", it.Key, bucket)
	}
	r.ResourceType, r.ResourceID, r.RuleName = parts[0], parts[1], parts[2]
	r.ComplianceType = string(it.Value)
	return r, nil
}

// eachRule is each for the rule bucket.
func eachRule(tx store.Tx, p store.ScanParams, fn func(*Rule) (bool, error)) error {
	return each(tx, p, func(it store.Item) (bool, error) {
		var r Rule
		if err := store.DecodeRecord(p.Bucket, it.Key, it.Value, &r); err != nil {
			return false, err
		}
		return fn(&r)
	})
}

// pager collects one page of items and notices whether more follow.
type pager[T any] struct {
	limit int
	items []T
	more  bool
}

// add appends item, or records that another page follows once the page is
// full; it reports whether to keep reading.
func (p *pager[T]) add(item T) bool {
	if len(p.items) == p.limit {
		p.more = true
		return false
	}
	p.items = append(p.items, item)
	return true
}

// eachGroup calls fn once per run of consecutive results that share
// keyOf, with the run's results; fn returns false to stop.
func eachGroup(tx store.Tx, p store.ScanParams, keyOf func(EvaluationResult) string,
	fn func(key string, results []EvaluationResult) (bool, error)) error {
	var cur []EvaluationResult
	curKey, stopped := "", false
	err := eachResult(tx, p, func(r EvaluationResult) (bool, error) {
		k := keyOf(r)
		if len(cur) > 0 && k != curKey {
			more, err := fn(curKey, cur)
			if err != nil || !more {
				stopped = true
				return false, err
			}
			cur = nil
		}
		curKey, cur = k, append(cur, r)
		return true, nil
	})
	if err != nil || stopped || len(cur) == 0 {
		return err
	}
	_, err = fn(curKey, cur)
	return err
}
