package storetest

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

func concurrencyTests() []suiteTest {
	return []suiteTest{
		{"ConcurrentCounters", testConcurrentCounters},
		{"ReadYourWrites", testReadYourWrites},
		{"ViewSnapshotConsistent", testViewSnapshotConsistent},
		{"ViewKeepsSnapshotAcrossUpdate", testViewKeepsSnapshotAcrossUpdate},
	}
}

// addInt adds delta to the decimal counter under (bucket, key).
func addInt(tx store.Tx, bucket, key string, delta int) error {
	n := 0
	v, err := tx.Get(bucket, key)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return err
	default:
		if n, err = strconv.Atoi(string(v)); err != nil {
			return fmt.Errorf("counter %s: %w", key, err)
		}
	}
	return tx.Put(bucket, key, []byte(strconv.Itoa(n+delta)))
}

// testConcurrentCounters has many goroutines read-modify-write the same
// counters; serialised Updates lose no increment.
func testConcurrentCounters(t *testing.T, s store.Store) {
	const workers, rounds = 10, 20
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range rounds {
				err := s.Update(t.Context(), func(tx store.Tx) error {
					if err := addInt(tx, "c", "shared", 1); err != nil {
						return err
					}
					return addInt(tx, "c", "by-two", 2)
				})
				if !assert.NoError(t, err, "worker %d", w) {
					return
				}
			}
		})
	}
	wg.Wait()
	requireValue(t, s, "c", "shared", strconv.Itoa(workers*rounds))
	requireValue(t, s, "c", "by-two", strconv.Itoa(2*workers*rounds))
}

// testReadYourWrites checks that a View started after Update returned
// sees the write, from many goroutines at once.
func testReadYourWrites(t *testing.T, s store.Store) {
	const workers, rounds = 8, 10
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				key, want := strconv.Itoa(w), strconv.Itoa(r)
				err := s.Update(t.Context(), func(tx store.Tx) error {
					return tx.Put("ryw", key, []byte(want))
				})
				if !assert.NoError(t, err) {
					return
				}
				var got []byte
				err = s.View(t.Context(), func(tx store.Tx) error {
					var gerr error
					got, gerr = tx.Get("ryw", key)
					return gerr
				})
				if !assert.NoError(t, err) || !assert.Equal(t, want, string(got)) {
					return
				}
			}
		})
	}
	wg.Wait()
}

// testViewSnapshotConsistent moves units between accounts while Views
// total them: every View, reading key by key or by Scan, must see the
// same total.
func testViewSnapshotConsistent(t *testing.T, s store.Store) {
	const accounts, total, writers, transfers = 4, 1000, 4, 25
	err := s.Update(t.Context(), func(tx store.Tx) error {
		for a := range accounts {
			if err := addInt(tx, "acct", strconv.Itoa(a), total/accounts); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)

	var writing sync.WaitGroup
	var stop atomic.Bool
	for w := range writers {
		writing.Go(func() {
			for i := range transfers {
				from, to := strconv.Itoa((w+i)%accounts), strconv.Itoa((w+i+1)%accounts)
				err := s.Update(t.Context(), func(tx store.Tx) error {
					if err := addInt(tx, "acct", from, -7); err != nil {
						return err
					}
					return addInt(tx, "acct", to, 7)
				})
				if !assert.NoError(t, err) {
					return
				}
			}
		})
	}
	var reading sync.WaitGroup
	views := atomic.Int64{}
	for range 4 {
		reading.Go(func() {
			for !stop.Load() || views.Load() < 8 {
				views.Add(1)
				if !assert.NoError(t, s.View(t.Context(), func(tx store.Tx) error {
					return checkTotal(tx, accounts, total)
				})) {
					return
				}
			}
		})
	}
	writing.Wait()
	stop.Store(true)
	reading.Wait()
}

// checkTotal sums the accounts once with Get and once with Scan.
func checkTotal(tx store.Tx, accounts, want int) error {
	sum := 0
	for a := range accounts {
		v, err := tx.Get("acct", strconv.Itoa(a))
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return err
		}
		sum += n
	}
	items, err := tx.Scan(store.ScanParams{Bucket: "acct"})
	if err != nil {
		return err
	}
	scanned := 0
	for _, it := range items {
		n, err := strconv.Atoi(string(it.Value))
		if err != nil {
			return err
		}
		scanned += n
	}
	if sum != want || scanned != want {
		return fmt.Errorf("inconsistent snapshot: Get total %d, Scan total %d, want %d", sum, scanned, want)
	}
	return nil
}

// testViewKeepsSnapshotAcrossUpdate commits an Update from inside a View:
// the Update neither waits for the View nor shows through it.
func testViewKeepsSnapshotAcrossUpdate(t *testing.T, s store.Store) {
	putAll(t, s, "b", []string{"x", "y"})
	err := s.View(t.Context(), func(tx store.Tx) error {
		x, err := tx.Get("b", "x")
		require.NoError(t, err)
		require.Equal(t, "x", string(x))

		require.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
			for _, k := range []string{"x", "y", "z"} {
				if err := tx.Put("b", k, []byte("new")); err != nil {
					return err
				}
			}
			return nil
		}))

		y, err := tx.Get("b", "y")
		require.NoError(t, err)
		require.Equal(t, "y", string(y), "the View keeps its snapshot")
		_, err = tx.Get("b", "z")
		require.ErrorIs(t, err, store.ErrNotFound)
		items, err := tx.Scan(store.ScanParams{Bucket: "b"})
		require.NoError(t, err)
		require.Len(t, items, 2)
		return nil
	})
	require.NoError(t, err)
	requireValue(t, s, "b", "y", "new")
	requireValue(t, s, "b", "z", "new")
}
