package store

import (
	"context"
	"errors"
	"strings"
)

// ErrNotFound is returned by Tx.Get when the key does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrClosed is returned by every call made after Close.
var ErrClosed = errors.New("store: closed")

// ErrReadOnly is returned by Tx.Put and Tx.Delete inside View.
var ErrReadOnly = errors.New("store: write in a read-only transaction")

// Store runs transactions. Update transactions are serialised; a driver may
// commit several of them together (group commit) but each one succeeds or
// fails on its own, and Update returns only after its changes are durable.
type Store interface {
	// View runs fn in a read-only transaction with a consistent snapshot.
	View(ctx context.Context, fn func(Tx) error) error
	// Update runs fn in a read-write transaction. If fn returns an error,
	// none of its writes are kept and Update returns that error. fn may be
	// run on another goroutine; it must not call View or Update itself.
	Update(ctx context.Context, fn func(Tx) error) error
	// Close waits for pending updates and releases the store.
	Close() error
}

// Tx is a transaction handle, valid only inside the function it was given to.
type Tx interface {
	// Get returns the value stored under (bucket, key) or ErrNotFound.
	Get(bucket, key string) ([]byte, error)
	// Put stores value under (bucket, key), replacing any previous value.
	Put(bucket, key string, value []byte) error
	// Delete removes (bucket, key); it reports whether the key existed.
	Delete(bucket, key string) (bool, error)
	// Scan returns the items of a bucket in ascending key order.
	Scan(params ScanParams) ([]Item, error)
	// Count returns how many items Scan would return (Limit caps the count),
	// without reading their values: for limits such as "500 documents".
	Count(params ScanParams) (int, error)
}

// ScanParams selects a range of keys in one bucket.
type ScanParams struct {
	// Bucket is the bucket to read.
	Bucket string
	// Prefix limits the scan to keys that start with it.
	Prefix string
	// After, when set, starts the scan at the first key greater than it.
	After string
	// Limit caps the number of items; 0 means no cap.
	Limit int
}

// Item is one stored key and its value.
type Item struct {
	Key   string
	Value []byte
}

// Key joins parts into one key: "/" separates parts, and "%" and "/" inside
// a part are escaped so that no part can spill into the next. Key(a...)+"/"
// is therefore a prefix of exactly the keys whose leading parts are a, which
// is what prefix scans rely on. Keys sort by their bytes, which is not always
// the order of their parts ("a-b/x" sorts before "a/y").
func Key(parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('/')
		}
		for j := 0; j < len(p); j++ {
			switch c := p[j]; c {
			case '%':
				b.WriteString("%25")
			case '/':
				b.WriteString("%2F")
			default:
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// SplitKey reverses Key.
func SplitKey(key string) []string {
	parts := strings.Split(key, "/")
	for i, p := range parts {
		if strings.IndexByte(p, '%') >= 0 {
			p = strings.ReplaceAll(p, "%2F", "/")
			parts[i] = strings.ReplaceAll(p, "%25", "%")
		}
	}
	return parts
}
