package memstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/salvehq/salve/internal/store"
)

// errTxDone is returned when a Tx is used after its function returned.
var errTxDone = errors.New("store: transaction used after its function returned")

// Store is an in-memory store.Store. Its data is an immutable version
// that each successful Update replaces with a copy-on-write successor, so
// a View reads its version without locks or interference, and a failed
// Update simply discards its copy. Nothing survives the process.
type Store struct {
	// writing holds one token; an Update takes it for its whole run, so
	// Updates are serialised and a queued caller can give up.
	writing chan struct{}

	mu      sync.RWMutex // guards current and closed
	current version
	closed  bool
}

var _ store.Store = (*Store)(nil)

// version maps bucket names to buckets. Published versions, and the
// buckets in them, are never modified.
type version map[string]*bucket

// bucket keeps its keys sorted so that Scan is a binary search and a walk.
type bucket struct {
	keys   []string
	values map[string][]byte
}

// New returns an empty Store.
func New() *Store {
	s := &Store{writing: make(chan struct{}, 1), current: version{}}
	s.writing <- struct{}{}
	return s
}

// View runs fn on the version current when View was called. fn may call
// Update; it keeps seeing its own version. A panic in fn propagates.
func (s *Store) View(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	v, closed := s.current, s.closed
	s.mu.RUnlock()
	if closed {
		return store.ErrClosed
	}
	t := &tx{base: v, readOnly: true}
	defer func() { t.done = true }()
	return fn(t)
}

// Update runs fn after every earlier Update and publishes its writes if
// it succeeds. If ctx ends while it waits its turn, fn is not run. A
// panic in fn is returned as an error.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case <-s.writing:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { s.writing <- struct{}{} }()
	s.mu.RLock()
	v, closed := s.current, s.closed
	s.mu.RUnlock()
	if closed {
		return store.ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t := &tx{base: v, own: make(version)}
	err := call(fn, t)
	t.done = true
	if err != nil {
		return err
	}
	s.publish(t)
	return nil
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

// publish makes the buckets t changed part of the current version.
func (s *Store) publish(t *tx) {
	if len(t.own) == 0 {
		return
	}
	next := maps.Clone(t.base)
	maps.Copy(next, t.own)
	s.mu.Lock()
	s.current = next
	s.mu.Unlock()
}

// Close waits for the Update in progress and releases the data. Later
// calls return store.ErrClosed.
func (s *Store) Close() error {
	<-s.writing
	defer func() { s.writing <- struct{}{} }()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return store.ErrClosed
	}
	s.closed = true
	s.current = nil
	return nil
}

// tx reads base; an Update's tx copies each bucket it writes into own.
type tx struct {
	base     version
	own      version
	readOnly bool
	done     bool
}

// Get returns a copy of the value under (bucket, key) or store.ErrNotFound.
func (t *tx) Get(bucketName, key string) ([]byte, error) {
	if t.done {
		return nil, errTxDone
	}
	b := t.bucket(bucketName)
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
	b := t.writableBucket(bucketName)
	if _, ok := b.values[key]; !ok {
		i, _ := slices.BinarySearch(b.keys, key)
		b.keys = slices.Insert(b.keys, i, key)
	}
	b.values[key] = append([]byte{}, value...)
	return nil
}

// Delete removes (bucket, key) and reports whether it existed.
func (t *tx) Delete(bucketName, key string) (bool, error) {
	if err := t.writable(); err != nil {
		return false, err
	}
	b := t.bucket(bucketName)
	if b == nil {
		return false, nil
	}
	if _, ok := b.values[key]; !ok {
		return false, nil
	}
	b = t.writableBucket(bucketName)
	delete(b.values, key)
	i, _ := slices.BinarySearch(b.keys, key)
	b.keys = slices.Delete(b.keys, i, i+1)
	return true, nil
}

// Scan returns copies of the matching items in ascending byte order.
func (t *tx) Scan(params store.ScanParams) ([]store.Item, error) {
	if t.done {
		return nil, errTxDone
	}
	if params.Limit < 0 {
		return nil, fmt.Errorf("scan %q: negative limit %d", params.Bucket, params.Limit)
	}
	b := t.bucket(params.Bucket)
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

// Count returns how many items Scan would return.
func (t *tx) Count(params store.ScanParams) (int, error) {
	if t.done {
		return 0, errTxDone
	}
	if params.Limit < 0 {
		return 0, fmt.Errorf("count %q: negative limit %d", params.Bucket, params.Limit)
	}
	b := t.bucket(params.Bucket)
	if b == nil {
		return 0, nil
	}
	n := 0
	for _, k := range b.keys[b.start(params):] {
		if !strings.HasPrefix(k, params.Prefix) || params.Limit > 0 && n == params.Limit {
			break
		}
		n++
	}
	return n, nil
}

// start returns the index of the first key the scan may return.
func (b *bucket) start(params store.ScanParams) int {
	if params.After != "" && params.After >= params.Prefix {
		return sort.Search(len(b.keys), func(i int) bool { return b.keys[i] > params.After })
	}
	return sort.SearchStrings(b.keys, params.Prefix)
}

// bucket returns the bucket as this transaction sees it, or nil.
func (t *tx) bucket(name string) *bucket {
	if b, ok := t.own[name]; ok {
		return b
	}
	return t.base[name]
}

// writableBucket returns this transaction's own copy of a bucket.
func (t *tx) writableBucket(name string) *bucket {
	if b, ok := t.own[name]; ok {
		return b
	}
	b := &bucket{values: make(map[string][]byte)}
	if old := t.base[name]; old != nil {
		b.keys = slices.Clone(old.keys)
		b.values = maps.Clone(old.values)
	}
	t.own[name] = b
	return b
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
