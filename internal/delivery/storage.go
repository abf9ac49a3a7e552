package delivery

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds (per-scope buckets) and the global due index.
const (
	kindPending   = "delivery"
	kindDelivered = "delivery-delivered"
	kindDead      = "delivery-dead"

	// DueBucket indexes pending deliveries of every scope by due time:
	// key (zero-padded Unix nanoseconds, id), value a dueEntry.
	DueBucket = "delivery-due"
)

// dueEntry is a value of DueBucket.
type dueEntry struct {
	Scope tenant.Scope `json:"scope"`
	ID    string       `json:"id"`
	// key is the entry's key in DueBucket.
	key string
	// at is the due time the key encodes.
	at time.Time
}

func dueKey(at time.Time, id string) string {
	return store.Key(fmt.Sprintf("%020d", at.UnixNano()), id)
}

// parseDueKey returns the due time of a DueBucket key.
func parseDueKey(key string) (time.Time, error) {
	head, _, _ := strings.Cut(key, "/")
	n, err := strconv.ParseInt(head, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("decode due key %q: %w", key, err)
	}
	return time.Unix(0, n).UTC(), nil
}

// bucketOf returns the bucket holding records of a state.
func bucketOf(scope tenant.Scope, state string) string {
	switch state {
	case StateDelivered:
		return scope.Bucket(kindDelivered)
	case StateDead:
		return scope.Bucket(kindDead)
	}
	return scope.Bucket(kindPending)
}

// putPending stores a pending record and its due entry.
func putPending(tx store.Tx, rec *Record) error {
	if err := store.PutRecord(tx, bucketOf(rec.Scope, StatePending), rec.ID, rec); err != nil {
		return err
	}
	return store.PutRecord(tx, DueBucket, dueKey(rec.NextAttemptAt, rec.ID), dueEntry{Scope: rec.Scope, ID: rec.ID})
}

// getPending loads a pending record; nil when there is none.
func getPending(tx store.Tx, scope tenant.Scope, id string) (*Record, error) {
	var rec Record
	err := store.GetRecord(tx, bucketOf(scope, StatePending), id, &rec)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load delivery %s: %w", id, err)
	}
	return &rec, nil
}

// unschedule deletes a pending record's due entry.
func unschedule(tx store.Tx, rec *Record) error {
	_, err := tx.Delete(DueBucket, dueKey(rec.NextAttemptAt, rec.ID))
	return err
}

// finish moves a pending record to its final state's bucket, keeping at
// most keep records there.
func finish(tx store.Tx, rec *Record, keep int) error {
	if err := unschedule(tx, rec); err != nil {
		return err
	}
	if _, err := tx.Delete(bucketOf(rec.Scope, StatePending), rec.ID); err != nil {
		return err
	}
	bucket := bucketOf(rec.Scope, rec.State)
	if err := store.PutRecord(tx, bucket, rec.ID, rec); err != nil {
		return err
	}
	return trim(tx, bucket, keep)
}

// trim deletes the oldest records of a bucket beyond keep.
func trim(tx store.Tx, bucket string, keep int) error {
	n, err := tx.Count(store.ScanParams{Bucket: bucket})
	if err != nil || n <= keep {
		return err
	}
	old, err := tx.Scan(store.ScanParams{Bucket: bucket, Limit: n - keep})
	if err != nil {
		return err
	}
	for _, it := range old {
		if _, err := tx.Delete(bucket, it.Key); err != nil {
			return err
		}
	}
	return nil
}

// dueEntries returns up to limit entries of DueBucket due at now.
func dueEntries(tx store.Tx, now time.Time, limit int) ([]dueEntry, error) {
	items, err := tx.Scan(store.ScanParams{Bucket: DueBucket, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("scan due deliveries: %w", err)
	}
	out := make([]dueEntry, 0, len(items))
	for _, it := range items {
		at, err := parseDueKey(it.Key)
		if err != nil {
			return nil, err
		}
		if at.After(now) {
			break
		}
		e := dueEntry{key: it.Key, at: at}
		if err := store.DecodeRecord(DueBucket, it.Key, it.Value, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
