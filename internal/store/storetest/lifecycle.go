package storetest

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

func contextTests() []suiteTest {
	return []suiteTest{
		{"UpdateCanceledBeforeStart", testUpdateCanceledBeforeStart},
		{"ViewCanceledBeforeStart", testViewCanceledBeforeStart},
		{"UpdateCanceledWhileQueued", testUpdateCanceledWhileQueued},
		{"UpdateCanceledAfterFnRan", testUpdateCanceledAfterFnRan},
	}
}

func closeTests() []suiteTest {
	return []suiteTest{
		{"CallsAfterClose", testCallsAfterClose},
		{"CloseDrainsUpdates", testCloseDrainsUpdates},
	}
}

func testUpdateCanceledBeforeStart(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	ran := false
	err := s.Update(ctx, func(tx store.Tx) error {
		ran = true
		return tx.Put("b", "k", []byte("v"))
	})
	require.ErrorIs(t, err, context.Canceled)

	past, cancelPast := context.WithDeadline(t.Context(), time.Unix(0, 0))
	defer cancelPast()
	err = s.Update(past, func(tx store.Tx) error {
		ran = true
		return nil
	})
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.False(t, ran, "fn ran with a done context")
	requireMissing(t, s, "b", "k")
}

func testViewCanceledBeforeStart(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	ran := false
	err := s.View(ctx, func(tx store.Tx) error {
		ran = true
		return nil
	})
	require.ErrorIs(t, err, context.Canceled)
	require.False(t, ran)
}

func testUpdateCanceledWhileQueued(t *testing.T, s store.Store) {
	release, wait := block(t, s)
	ctx, cancel := context.WithCancel(t.Context())
	var ran atomic.Bool
	done := make(chan error, 1)
	go func() {
		done <- s.Update(ctx, func(tx store.Tx) error {
			ran.Store(true)
			return tx.Put("b", "k", []byte("v"))
		})
	}()
	cancel()
	release()
	require.ErrorIs(t, <-done, context.Canceled)
	require.NoError(t, wait())
	// A later Update is committed after anything the writer still held.
	put(t, s, "b", "later", "v")
	require.False(t, ran.Load(), "fn ran after its context was canceled")
	requireMissing(t, s, "b", "k")
}

func testUpdateCanceledAfterFnRan(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	err := s.Update(ctx, func(tx store.Tx) error {
		cancel() // the caller gives up while fn runs: too late
		return tx.Put("b", "k", []byte("v"))
	})
	require.NoError(t, err)
	requireValue(t, s, "b", "k", "v")
}

func testCallsAfterClose(t *testing.T, s store.Store) {
	put(t, s, "b", "k", "v")
	require.NoError(t, s.Close())
	ran := false
	fn := func(tx store.Tx) error {
		ran = true
		return nil
	}
	require.ErrorIs(t, s.View(t.Context(), fn), store.ErrClosed)
	require.ErrorIs(t, s.Update(t.Context(), fn), store.ErrClosed)
	require.ErrorIs(t, s.Close(), store.ErrClosed)
	require.False(t, ran)
}

// testCloseDrainsUpdates closes the store while Updates are queued: each
// either completes or returns ErrClosed, and Close waits for them.
func testCloseDrainsUpdates(t *testing.T, s store.Store) {
	const n = 20
	release, wait := block(t, s)
	var wg, ready sync.WaitGroup
	ready.Add(n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			ready.Done()
			errs[i] = s.Update(t.Context(), func(tx store.Tx) error {
				return tx.Put("b", "k", []byte("v"))
			})
		})
	}
	ready.Wait()
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	release()
	require.NoError(t, <-closed)
	require.NoError(t, wait(), "the Update running at Close must complete")
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			require.ErrorIs(t, err, store.ErrClosed, "update %d", i)
		}
	}
	err := s.Update(t.Context(), func(store.Tx) error { return errors.New("must not run") })
	require.ErrorIs(t, err, store.ErrClosed)
}
