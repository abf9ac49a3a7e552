package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

var errBoom = errors.New("boom")

func openInternal(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// holdWriter keeps the writer busy in an Update until release is called.
func holdWriter(t *testing.T, s *Store) (release func(), wait func() error) {
	t.Helper()
	started, unblock := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- s.Update(context.Background(), func(tx store.Tx) error {
			close(started)
			<-unblock
			return nil
		})
	}()
	<-started
	release = sync.OnceFunc(func() { close(unblock) })
	t.Cleanup(release)
	return release, func() error { return <-done }
}

// waitQueued polls until n Updates wait in the writer's queue.
func waitQueued(t *testing.T, s *Store, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(s.writer.queue) < n {
		require.False(t, time.Now().After(deadline), "only %d of %d updates queued", len(s.writer.queue), n)
		runtime.Gosched()
	}
}

// startUpdates runs fn(i) in n concurrent Updates and returns a function
// that waits for their errors.
func startUpdates(s *Store, n int, fn func(tx store.Tx, i int) error) func() []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = s.Update(context.Background(), func(tx store.Tx) error { return fn(tx, i) })
		})
	}
	return func() []error {
		wg.Wait()
		return errs
	}
}

func exists(t *testing.T, s *Store, key string) bool {
	t.Helper()
	var found bool
	require.NoError(t, s.View(t.Context(), func(tx store.Tx) error {
		_, err := tx.Get("b", key)
		found = err == nil
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		return err
	}))
	return found
}

// TestWriter_GroupIsolatesFailures puts succeeding, failing and panicking
// Updates in one group commit, for certain.
func TestWriter_GroupIsolatesFailures(t *testing.T) {
	t.Parallel()
	s := openInternal(t)
	const n = 30
	release, wait := holdWriter(t, s)
	results := startUpdates(s, n, func(tx store.Tx, i int) error {
		if err := tx.Put("b", fmt.Sprint(i), []byte("v")); err != nil {
			return err
		}
		switch i % 3 {
		case 1:
			return errBoom
		case 2:
			panic(fmt.Sprintf("panic %d", i))
		}
		return nil
	})
	waitQueued(t, s, n)
	release()
	require.NoError(t, wait())
	for i, err := range results() {
		switch i % 3 {
		case 0:
			require.NoError(t, err)
			require.True(t, exists(t, s, fmt.Sprint(i)), "update %d", i)
		case 1:
			require.ErrorIs(t, err, errBoom)
			require.False(t, exists(t, s, fmt.Sprint(i)), "update %d", i)
		case 2:
			require.EqualError(t, err, fmt.Sprintf("update function panicked: panic %d", i))
			require.False(t, exists(t, s, fmt.Sprint(i)), "update %d", i)
		}
	}
}

// TestWriter_CommitFailureFailsGroup makes COMMIT fail: every Update in
// the group gets the error and none of their writes remain.
func TestWriter_CommitFailureFailsGroup(t *testing.T) {
	t.Parallel()
	s := openInternal(t)
	const n = 10
	release, wait := holdWriter(t, s)
	results := startUpdates(s, n, func(tx store.Tx, i int) error {
		return tx.Put("b", fmt.Sprint(i), []byte("v"))
	})
	waitQueued(t, s, n)
	// Swapped while the writer waits in the held Update; release orders it.
	commit := s.writer.c.commit
	failing, err := s.writer.c.sql.PrepareContext(t.Context(), "SELECT abs(-9223372036854775808)")
	require.NoError(t, err)
	defer failing.Close()
	s.writer.c.commit = failing
	release()

	require.ErrorContains(t, wait(), "integer overflow")
	for i, err := range results() {
		require.ErrorContains(t, err, "write transaction failed: commit: ", "update %d", i)
		require.False(t, exists(t, s, fmt.Sprint(i)), "update %d", i)
	}

	// The writer is idle; the next request's hand-off orders this write.
	s.writer.c.commit = commit
	require.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
		return tx.Put("b", "after", []byte("v"))
	}))
	require.True(t, exists(t, s, "after"))
}

// TestOpen_Pragmas pins the settings durability and concurrency rely on.
func TestOpen_Pragmas(t *testing.T) {
	t.Parallel()
	s := openInternal(t)
	pragma := func(c *conn, name string) string {
		var v string
		require.NoError(t, c.sql.QueryRowContext(t.Context(), "PRAGMA "+name).Scan(&v))
		return v
	}
	// The writer is idle between Updates; hold it to use its connection.
	release, wait := holdWriter(t, s)
	require.Equal(t, "wal", pragma(s.writer.c, "journal_mode"))
	require.Equal(t, "2", pragma(s.writer.c, "synchronous"), "FULL")
	require.Equal(t, "1", pragma(s.writer.c, "user_version"))
	release()
	require.NoError(t, wait())

	r := <-s.readers
	defer func() { s.readers <- r }()
	require.Equal(t, "1", pragma(r, "query_only"))
	require.Equal(t, "5000", pragma(r, "busy_timeout"))
}
