package store

import (
	"fmt"

	"github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// Domain packages keep their records as JSON values. These helpers are the
// one codec for them, so every package encodes and reports decode failures
// the same way (and the fast JSON v2 codec serves every read).

// recordOptions keep encoding/json's omitempty meaning (omit nil, false, 0,
// "" and empty collections, but keep a non-nil interface or pointer holding
// ""), so that a record reads back exactly as it was written.
var recordOptions = jsonv1.OmitEmptyWithLegacySemantics(true)

// GetRecord decodes the record under (bucket, key) into v; ErrNotFound
// passes through unwrapped.
func GetRecord(tx Tx, bucket, key string, v any) error {
	b, err := tx.Get(bucket, key)
	if err != nil {
		return err
	}
	return DecodeRecord(bucket, key, b, v)
}

// PutRecord encodes v and stores it under (bucket, key).
func PutRecord(tx Tx, bucket, key string, v any) error {
	b, err := json.Marshal(v, recordOptions)
	if err != nil {
		return fmt.Errorf("encode %q in %q: %w", key, bucket, err)
	}
	return tx.Put(bucket, key, b)
}

// DecodeRecord decodes a stored value (for example a Scan item's) into v.
func DecodeRecord(bucket, key string, value []byte, v any) error {
	if err := json.Unmarshal(value, v, recordOptions); err != nil {
		return fmt.Errorf("decode %q in %q: %w", key, bucket, err)
	}
	return nil
}
