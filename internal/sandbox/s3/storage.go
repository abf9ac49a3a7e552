package s3

import (
	"errors"
	"fmt"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds. Bucket names are global, so the name registry is one
// store bucket shared by every account; a bucket's record lives in its
// owner's store bucket (one per account, since ListBuckets lists every
// region's buckets).
const (
	// kindName maps a bucket name to its owner and region.
	kindName = "s3-bucket-name"
	// kindBucket holds Bucket records keyed by name, per account.
	kindBucket = "s3-bucket"
)

// nameEntry is the registry's record of a bucket name.
type nameEntry struct {
	AccountID string `json:"accountId"`
	Region    string `json:"region"`
}

// accountBucket is the store bucket of an account's Bucket records.
func accountBucket(accountID string) string { return store.Key(kindBucket, accountID) }

// scope is the (account, region) the bucket's items are recorded into.
func (b *Bucket) scope() tenant.Scope { return tenant.Scope{AccountID: b.AccountID, Region: b.Region} }

// lookup returns the bucket named name, whoever owns it, or nil.
func lookup(tx store.Tx, name string) (*Bucket, error) {
	var e nameEntry
	err := store.GetRecord(tx, kindName, name, &e)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look up bucket %q: %w", name, err)
	}
	var b Bucket
	if err := store.GetRecord(tx, accountBucket(e.AccountID), name, &b); err != nil {
		return nil, fmt.Errorf("load bucket %q: %w", name, err)
	}
	return &b, nil
}

// load returns the bucket ref names if the caller owns it: NoSuchBucket
// when there is none, AccessDenied when another account owns it (or it is
// not the expected owner's).
func load(tx store.Tx, ref Ref) (*Bucket, error) {
	b, err := lookup(tx, ref.Name)
	switch {
	case err != nil:
		return nil, err
	case b == nil:
		return nil, Err(CodeNoSuchBucket)
	case b.AccountID != ref.AccountID, ref.ExpectedOwner != "" && ref.ExpectedOwner != b.AccountID:
		return nil, Err(CodeAccessDenied)
	}
	return b, nil
}

// putBucket stores b and its name registry entry.
func putBucket(tx store.Tx, b *Bucket) error {
	if err := store.PutRecord(tx, kindName, b.Name, nameEntry{AccountID: b.AccountID, Region: b.Region}); err != nil {
		return err
	}
	return store.PutRecord(tx, accountBucket(b.AccountID), b.Name, b)
}

// deleteBucket removes b and its name registry entry.
func deleteBucket(tx store.Tx, b *Bucket) error {
	if _, err := tx.Delete(kindName, b.Name); err != nil {
		return err
	}
	_, err := tx.Delete(accountBucket(b.AccountID), b.Name)
	return err
}
