package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

// Run runs the conformance suite. open must return a new, empty store
// each time it is called; the suite closes it when the subtest ends.
// Subtests run in parallel, each with its own store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	groups := [][]suiteTest{crudTests(), scanTests(), updateTests(), contextTests(), closeTests(), concurrencyTests()}
	for _, group := range groups {
		for _, tc := range group {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				tc.run(t, openStore(t, open))
			})
		}
	}
}

// suiteTest is one conformance test.
type suiteTest struct {
	name string
	run  func(t *testing.T, s store.Store)
}

// openStore opens a store and closes it when the test ends, unless the
// test closed it itself.
func openStore(t *testing.T, open func(t *testing.T) store.Store) store.Store {
	t.Helper()
	s := open(t)
	require.NotNil(t, s)
	t.Cleanup(func() {
		if err := s.Close(); !errors.Is(err, store.ErrClosed) {
			require.NoError(t, err)
		}
	})
	return s
}

// put stores one value in its own Update.
func put(t *testing.T, s store.Store, bucket, key, value string) {
	t.Helper()
	err := s.Update(t.Context(), func(tx store.Tx) error {
		return tx.Put(bucket, key, []byte(value))
	})
	require.NoError(t, err)
}

// get reads one value in its own View.
func get(t *testing.T, s store.Store, bucket, key string) (string, error) {
	t.Helper()
	var v []byte
	err := s.View(t.Context(), func(tx store.Tx) error {
		var err error
		v, err = tx.Get(bucket, key)
		return err
	})
	return string(v), err
}

// requireValue asserts that (bucket, key) holds want.
func requireValue(t *testing.T, s store.Store, bucket, key, want string) {
	t.Helper()
	got, err := get(t, s, bucket, key)
	require.NoError(t, err, "get %q in %q", key, bucket)
	require.Equal(t, want, got, "value of %q in %q", key, bucket)
}

// requireMissing asserts that (bucket, key) does not exist.
func requireMissing(t *testing.T, s store.Store, bucket, key string) {
	t.Helper()
	_, err := get(t, s, bucket, key)
	require.ErrorIs(t, err, store.ErrNotFound, "get %q in %q", key, bucket)
}

// scanKeys runs one Scan in its own View and returns the keys.
func scanKeys(t *testing.T, s store.Store, params store.ScanParams) []string {
	t.Helper()
	var keys []string
	err := s.View(t.Context(), func(tx store.Tx) error {
		items, err := tx.Scan(params)
		for _, it := range items {
			keys = append(keys, it.Key)
		}
		return err
	})
	require.NoError(t, err)
	return keys
}

// block starts an Update whose fn waits until release is closed, and
// returns once fn is running: the store's writer is busy until release
// is called. wait returns that Update's error.
func block(t *testing.T, s store.Store) (release func(), wait func() error) {
	t.Helper()
	started := make(chan struct{})
	unblock := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- s.Update(context.Background(), func(tx store.Tx) error {
			close(started)
			<-unblock
			return tx.Put("block", "k", []byte("v"))
		})
	}()
	select {
	case <-started:
	case err := <-done:
		require.FailNow(t, "blocking update returned early", "err: %v", err)
	}
	release = sync.OnceFunc(func() { close(unblock) })
	// Cleanups run last-in first-out: this one before the store's Close,
	// which would otherwise wait for the blocked Update forever.
	t.Cleanup(release)
	return release, func() error { return <-done }
}
