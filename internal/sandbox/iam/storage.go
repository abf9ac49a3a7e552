package iam

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// Record kinds, in the account's global scope. Names are keys in lower
// case: IAM names are unique regardless of case.
const (
	kindRole            = "iam-role"
	kindUser            = "iam-user"
	kindGroup           = "iam-group"
	kindPolicy          = "iam-policy"
	kindInstanceProfile = "iam-instance-profile"
	kindPasswordPolicy  = "iam-password-policy"
	// kindAttachment holds one Entity per (policy ARN, kind, name): who a
	// managed policy (customer or AWS) is attached to in this account.
	kindAttachment = "iam-attachment"
)

// passwordPolicyKey is the one key of kindPasswordPolicy.
const passwordPolicyKey = "account"

// nameKey is the key of a named record.
func nameKey(name string) string { return strings.ToLower(name) }

// bucketOf returns the record kind of an identity kind.
func bucketOf(k Kind) string {
	switch k {
	case KindRole:
		return kindRole
	case KindUser:
		return kindUser
	default:
		return kindGroup
	}
}

// noun is how messages name a kind ("role", "user", "group").
func (k Kind) noun() string { return strings.ToLower(string(k)) }

func notFound(k Kind, name string) error {
	return noSuchEntity("The %s with name %s cannot be found.", k.noun(), name)
}

// newIdentity returns an empty record of kind k.
func newIdentity(k Kind) identity {
	switch k {
	case KindRole:
		return &Role{}
	case KindUser:
		return &User{}
	default:
		return &Group{}
	}
}

// load reads a record; a missing one is notFound's error.
func (t *txn) load(bucket, name string, v any, notFound func() error) error {
	err := store.GetRecord(t.tx, t.gs.Bucket(bucket), nameKey(name), v)
	if errors.Is(err, store.ErrNotFound) {
		return notFound()
	}
	if err != nil {
		return fmt.Errorf("load %s %q: %w", bucket, name, err)
	}
	return nil
}

// exists reports whether a named record exists.
func (t *txn) exists(bucket, name string) (bool, error) {
	_, err := t.tx.Get(t.gs.Bucket(bucket), nameKey(name))
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// put writes a named record.
func (t *txn) put(bucket, name string, v any) error {
	return store.PutRecord(t.tx, t.gs.Bucket(bucket), nameKey(name), v)
}

// remove deletes a named record.
func (t *txn) remove(bucket, name string) error {
	_, err := t.tx.Delete(t.gs.Bucket(bucket), nameKey(name))
	return err
}

// loadIdentity reads a role, user or group by name.
func (t *txn) loadIdentity(k Kind, name string) (identity, error) {
	e := newIdentity(k)
	if err := t.load(bucketOf(k), name, e, func() error { return notFound(k, name) }); err != nil {
		return nil, err
	}
	return e, nil
}

func (t *txn) loadRole(name string) (*Role, error) {
	e, err := t.loadIdentity(KindRole, name)
	if err != nil {
		return nil, err
	}
	return e.(*Role), nil
}

func (t *txn) loadUser(name string) (*User, error) {
	e, err := t.loadIdentity(KindUser, name)
	if err != nil {
		return nil, err
	}
	return e.(*User), nil
}

func (t *txn) loadGroup(name string) (*Group, error) {
	e, err := t.loadIdentity(KindGroup, name)
	if err != nil {
		return nil, err
	}
	return e.(*Group), nil
}

// saveIdentity writes an identity and records its configuration item
// (roles and users) with status.
func (t *txn) saveIdentity(e identity, status string) error {
	if err := t.put(bucketOf(kindOf(e)), e.base().Name, e); err != nil {
		return err
	}
	return t.recordIdentity(e, status)
}

// kindOf returns the kind of an identity record.
func kindOf(e identity) Kind {
	switch e.(type) {
	case *Role:
		return KindRole
	case *User:
		return KindUser
	default:
		return KindGroup
	}
}

// scanAll decodes every record of a bucket, in key order.
func scanAll[T any](t *txn, bucket string) ([]T, error) {
	items, err := t.tx.Scan(store.ScanParams{Bucket: t.gs.Bucket(bucket)})
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", bucket, err)
	}
	out := make([]T, len(items))
	for i, it := range items {
		if err := store.DecodeRecord(bucket, it.Key, it.Value, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// record hands one configuration item to the sink.
func (t *txn) record(it *configitem.Item) error {
	it.CaptureTime = t.now
	if err := t.sink.Record(t.tx, t.scope, it); err != nil {
		return fmt.Errorf("record %s %s: %w", it.ResourceType, it.ResourceID, err)
	}
	t.recorded = true
	return nil
}

// sortedNames returns names sorted case-insensitively.
func sortedNames(names []string) []string {
	out := append([]string(nil), names...)
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

// without returns names without name (compared case-insensitively).
func without(names []string, name string) []string {
	out := names[:0:0]
	for _, n := range names {
		if !strings.EqualFold(n, name) {
			out = append(out, n)
		}
	}
	return out
}

// containsFold reports whether names holds name, ignoring case.
func containsFold(names []string, name string) bool {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}
