package ec2

import (
	"errors"
	"fmt"

	"github.com/salvehq/salve/internal/store"
)

const (
	settingsBucket = "ec2-settings"
	settingsKey    = "settings"
)

// get loads the record of id, answering the kind's Malformed or NotFound
// error for a bad or unknown id.
func get[T any](t *txn, k *kind, id string) (*T, error) {
	if err := k.check(id); err != nil {
		return nil, err
	}
	var v T
	err := store.GetRecord(t.tx, t.scope.Bucket(k.bucket), id, &v)
	if errors.Is(err, store.ErrNotFound) {
		return nil, k.missing(id)
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// put stores the record of id.
func put(t *txn, k *kind, id string, v any) error {
	return store.PutRecord(t.tx, t.scope.Bucket(k.bucket), id, v)
}

// remove deletes the record of id.
func remove(t *txn, k *kind, id string) error {
	_, err := t.tx.Delete(t.scope.Bucket(k.bucket), id)
	return err
}

// all loads every record of a kind in the scope, in id order.
func all[T any](t *txn, k *kind) ([]*T, error) {
	bucket := t.scope.Bucket(k.bucket)
	items, err := t.tx.Scan(store.ScanParams{Bucket: bucket})
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", k.bucket, err)
	}
	out := make([]*T, 0, len(items))
	for _, it := range items {
		var v T
		if err := store.DecodeRecord(bucket, it.Key, it.Value, &v); err != nil {
			return nil, err
		}
		out = append(out, &v)
	}
	return out, nil
}

// getMany loads the records of ids, in the order given; the first bad or
// unknown id fails the call.
func getMany[T any](t *txn, k *kind, ids []string) ([]*T, error) {
	out := make([]*T, 0, len(ids))
	for _, id := range ids {
		v, err := get[T](t, k, id)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// settings loads the scope's settings (zero settings when none are stored).
func (t *txn) settings() (*settings, error) {
	var s settings
	err := store.GetRecord(t.tx, t.scope.Bucket(settingsBucket), settingsKey, &s)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	return &s, nil
}

// putSettings stores the scope's settings.
func (t *txn) putSettings(s *settings) error {
	return store.PutRecord(t.tx, t.scope.Bucket(settingsBucket), settingsKey, s)
}

// scanOf selects every record of a kind in the scope.
func scanOf(t *txn, k *kind) store.ScanParams {
	return store.ScanParams{Bucket: t.scope.Bucket(k.bucket)}
}
