package memstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/salvehq/salve/internal/store"
)

// errTxDone is returned when a Tx is used after its function returned.
var errTxDone = errors.New("store: transaction used after its function returned")

// Store is an in-memory store.Store. Views share a read lock; an Update
// holds the write lock while its function runs and undoes its writes if
// the function fails. Nothing survives the process.
type Store struct {
	mu      sync.RWMutex
	closed  bool
	buckets map[string]*bucket
}

var _ store.Store = (*Store)(nil)

// bucket keeps its keys sorted so that Scan is a binary search and a walk.
type bucket struct {
	keys   []string
	values map[string][]byte
}

// New returns an empty Store.
func New() *Store {
	return &Store{buckets: make(map[string]*bucket)}
}

// View runs fn under the read lock. A panic in fn propagates.
func (s *Store) View(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return store.ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t := &tx{s: s, readOnly: true}
	defer func() { t.done = true }()
	return fn(t)
}

// Update runs fn under the write lock. If fn fails or panics its writes
// are undone; a panic is returned as an error.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return store.ErrClosed
	}
	// The lock may have taken a while; a caller that gave up meanwhile
	// must not have fn run.
	if err := ctx.Err(); err != nil {
		return err
	}
	t := &tx{s: s}
	err := call(fn, t)
	t.done = true
	if err != nil {
		t.undo()
	}
	return err
}

// call runs fn and turns a panic into an error, as the SQLite driver does.
func call(fn func(store.Tx) error, t *tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("update function panicked: %v", p)
		}
	}()
	return fn(t)
}

// Close waits for calls in progress and releases the data. Later calls
// return store.ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return store.ErrClosed
	}
	s.closed = true
	s.buckets = nil
	return nil
}

// tx implements store.Tx over the Store's maps; the caller holds the lock.
type tx struct {
	s        *Store
	readOnly bool
	done     bool
	undoLog  []undo
}

// undo restores one key to what it was before a write.
type undo struct {
	bucket, key string
	old         []byte
	existed     bool
}

// Get returns a copy of the value under (bucket, key) or store.ErrNotFound.
func (t *tx) Get(bucketName, key string) ([]byte, error) {
	if t.done {
		return nil, errTxDone
	}
	b := t.s.buckets[bucketName]
	if b == nil {
		return nil, store.ErrNotFound
	}
	v, ok := b.values[key]
	if !ok {
		return nil, store.ErrNotFound
	}
	return slices.Clone(v), nil
}

// Put stores a copy of value under (bucket, key).
func (t *tx) Put(bucketName, key string, value []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	old, existed := t.s.put(bucketName, key, append([]byte{}, value...))
	t.undoLog = append(t.undoLog, undo{bucket: bucketName, key: key, old: old, existed: existed})
	return nil
}

// Delete removes (bucket, key) and reports whether it existed.
func (t *tx) Delete(bucketName, key string) (bool, error) {
	if err := t.writable(); err != nil {
		return false, err
	}
	old, existed := t.s.delete(bucketName, key)
	if existed {
		t.undoLog = append(t.undoLog, undo{bucket: bucketName, key: key, old: old, existed: true})
	}
	return existed, nil
}

// Scan returns copies of the matching items in ascending byte order.
func (t *tx) Scan(params store.ScanParams) ([]store.Item, error) {
	if t.done {
		return nil, errTxDone
	}
	if params.Limit < 0 {
		return nil, fmt.Errorf("scan %q: negative limit %d", params.Bucket, params.Limit)
	}
	b := t.s.buckets[params.Bucket]
	if b == nil {
		return nil, nil
	}
	var items []store.Item
	for _, k := range b.keys[b.start(params):] {
		if !strings.HasPrefix(k, params.Prefix) {
			break
		}
		items = append(items, store.Item{Key: k, Value: slices.Clone(b.values[k])})
		if len(items) == params.Limit {
			break
		}
	}
	return items, nil
}

// start returns the index of the first key the scan may return.
func (b *bucket) start(params store.ScanParams) int {
	if params.After != "" && params.After >= params.Prefix {
		return sort.Search(len(b.keys), func(i int) bool { return b.keys[i] > params.After })
	}
	return sort.SearchStrings(b.keys, params.Prefix)
}

func (t *tx) writable() error {
	if t.done {
		return errTxDone
	}
	if t.readOnly {
		return store.ErrReadOnly
	}
	return nil
}

// undo replays the undo log backwards.
func (t *tx) undo() {
	for i := len(t.undoLog) - 1; i >= 0; i-- {
		u := t.undoLog[i]
		if u.existed {
			t.s.put(u.bucket, u.key, u.old)
		} else {
			t.s.delete(u.bucket, u.key)
		}
	}
	t.undoLog = nil
}

// put sets a value and returns the previous one.
func (s *Store) put(bucketName, key string, value []byte) (old []byte, existed bool) {
	b := s.buckets[bucketName]
	if b == nil {
		b = &bucket{values: make(map[string][]byte)}
		s.buckets[bucketName] = b
	}
	old, existed = b.values[key]
	if !existed {
		i, _ := slices.BinarySearch(b.keys, key)
		b.keys = slices.Insert(b.keys, i, key)
	}
	b.values[key] = value
	return old, existed
}

// delete removes a key and returns its value.
func (s *Store) delete(bucketName, key string) (old []byte, existed bool) {
	b := s.buckets[bucketName]
	if b == nil {
		return nil, false
	}
	old, existed = b.values[key]
	if !existed {
		return nil, false
	}
	delete(b.values, key)
	i, _ := slices.BinarySearch(b.keys, key)
	b.keys = slices.Delete(b.keys, i, i+1)
	return old, true
}
