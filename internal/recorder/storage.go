package recorder

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds (per-scope buckets, see tenant.Scope) and global buckets.
const (
	kindRecorder      = "config-recorder"
	kindChannel       = "config-delivery-channel"
	kindItem          = "config-item"
	kindHistory       = "config-item-history"
	kindResource      = "config-resource"
	kindResourceCount = "config-resource-count"

	// ChangeBucket is the global change queue: one entry per recorded item
	// of every account and region, keyed by a zero-padded global sequence.
	ChangeBucket = "config-change"
	// changeSeqBucket holds the last sequence number of ChangeBucket.
	changeSeqBucket = "config-change-seq"

	recorderKey = "recorder"
	seqKey      = "seq"
)

// recorderRecord is the stored recorder state of a scope; no record means
// the implicit default recorder.
type recorderRecord struct {
	// Deleted means the user deleted the recorder: there is none.
	Deleted  bool      `json:"deleted,omitempty"`
	Recorder *Recorder `json:"recorder,omitempty"`
}

// resourceEntry is a discovered-resources index entry.
type resourceEntry struct {
	Name      string `json:"name,omitempty"`
	Deleted   bool   `json:"deleted,omitempty"`
	DeletedAt int64  `json:"deletedAt,omitempty"`
}

// loadRecorder returns the scope's recorder, or nil when it was deleted.
func loadRecorder(tx store.Tx, scope tenant.Scope) (*Recorder, error) {
	var rec recorderRecord
	err := store.GetRecord(tx, scope.Bucket(kindRecorder), recorderKey, &rec)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return implicitRecorder(scope), nil
	case err != nil:
		return nil, fmt.Errorf("load configuration recorder: %w", err)
	case rec.Deleted || rec.Recorder == nil:
		return nil, nil
	}
	return rec.Recorder, nil
}

// saveRecorder stores r as the scope's recorder; nil records its deletion.
func saveRecorder(tx store.Tx, scope tenant.Scope, r *Recorder) error {
	return store.PutRecord(tx, scope.Bucket(kindRecorder), recorderKey, recorderRecord{Deleted: r == nil, Recorder: r})
}

func itemKey(resourceType, resourceID string) string { return store.Key(resourceType, resourceID) }

// historyKey sorts the items of a resource newest first.
func historyKey(resourceType, resourceID string, stateID int64) string {
	return store.Key(resourceType, resourceID, fmt.Sprintf("%019d", math.MaxInt64-stateID))
}

// prefixOf returns the scan prefix of every key whose leading parts are parts.
func prefixOf(parts ...string) string { return store.Key(parts...) + "/" }

// getItem loads the current item of a resource; nil when there is none.
func getItem(tx store.Tx, scope tenant.Scope, resourceType, resourceID string) (*RecordedItem, error) {
	return getRecorded(tx, scope.Bucket(kindItem), itemKey(resourceType, resourceID))
}

// getHistoryItem loads one item of a resource's history; nil when absent.
func getHistoryItem(tx store.Tx, scope tenant.Scope, resourceType, resourceID string, stateID int64) (*RecordedItem, error) {
	return getRecorded(tx, scope.Bucket(kindHistory), historyKey(resourceType, resourceID, stateID))
}

func getRecorded(tx store.Tx, bucket, key string) (*RecordedItem, error) {
	var it RecordedItem
	err := store.GetRecord(tx, bucket, key, &it)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load configuration item: %w", err)
	}
	return &it, nil
}

// decodeItems decodes scanned RecordedItems.
func decodeItems(bucket string, items []store.Item) ([]RecordedItem, error) {
	out := make([]RecordedItem, 0, len(items))
	for _, kv := range items {
		var it RecordedItem
		if err := store.DecodeRecord(bucket, kv.Key, kv.Value, &it); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

// getEntry loads a resource's index entry; nil when it was never recorded.
func getEntry(tx store.Tx, scope tenant.Scope, resourceType, resourceID string) (*resourceEntry, error) {
	var e resourceEntry
	err := store.GetRecord(tx, scope.Bucket(kindResource), itemKey(resourceType, resourceID), &e)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load discovered resource: %w", err)
	}
	return &e, nil
}

// addCount adds delta to the live-resource count of a type.
func addCount(tx store.Tx, scope tenant.Scope, resourceType string, delta int64) error {
	bucket := scope.Bucket(kindResourceCount)
	n, err := readInt(tx, bucket, resourceType)
	if err != nil {
		return err
	}
	if n+delta <= 0 {
		_, err = tx.Delete(bucket, resourceType)
		return err
	}
	return tx.Put(bucket, resourceType, strconv.AppendInt(nil, n+delta, 10))
}

// nextSeq returns the next number of the global change sequence.
func nextSeq(tx store.Tx) (int64, error) {
	n, err := readInt(tx, changeSeqBucket, seqKey)
	if err != nil {
		return 0, err
	}
	n++
	return n, tx.Put(changeSeqBucket, seqKey, strconv.AppendInt(nil, n, 10))
}

// readInt reads a decimal counter; a missing one is 0.
func readInt(tx store.Tx, bucket, key string) (int64, error) {
	b, err := tx.Get(bucket, key)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("decode %q in %q: %w", key, bucket, err)
	}
	return n, nil
}

// changeKey is the queue key of a sequence number.
func changeKey(seq int64) string { return fmt.Sprintf("%020d", seq) }

// isGlobalType reports whether a type is one of the global IAM types that
// includeGlobalResourceTypes governs.
func isGlobalType(resourceType string) bool {
	switch resourceType {
	case "AWS::IAM::Group", "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::IAM::User":
		return true
	}
	return false
}

// Region returns the awsRegion of an item recorded in scope: "global" for
// the global IAM types, as AWS records them.
func Region(scope tenant.Scope, item *configitem.Item) string {
	if isGlobalType(item.ResourceType) {
		return "global"
	}
	return scope.Region
}
