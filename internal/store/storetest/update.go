package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

func updateTests() []suiteTest {
	return []suiteTest{
		{"UpdateSeesOwnWrites", testUpdateSeesOwnWrites},
		{"UpdateErrorRollsBack", testUpdateErrorRollsBack},
		{"UpdatePanicRollsBack", testUpdatePanicRollsBack},
		{"UpdateFailuresAmongSuccesses", testUpdateFailuresAmongSuccesses},
		{"ViewIsReadOnly", testViewIsReadOnly},
		{"ViewReturnsFnError", testViewReturnsFnError},
		{"ViewPanicPropagates", testViewPanicPropagates},
		{"TxUnusableAfterFn", testTxUnusableAfterFn},
	}
}

var errBoom = errors.New("boom")

func testUpdateSeesOwnWrites(t *testing.T, s store.Store) {
	put(t, s, "b", "old", "1")
	var got []string
	err := s.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.Put("b", "new", []byte("2")); err != nil {
			return err
		}
		if _, err := tx.Delete("b", "old"); err != nil {
			return err
		}
		v, err := tx.Get("b", "new")
		if err != nil {
			return err
		}
		got = append(got, string(v))
		if _, err := tx.Get("b", "old"); !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("deleted key: got %v, want ErrNotFound", err)
		}
		items, err := tx.Scan(store.ScanParams{Bucket: "b"})
		for _, it := range items {
			got = append(got, it.Key)
		}
		return err
	})
	require.NoError(t, err)
	require.Equal(t, []string{"2", "new"}, got)
}

// seedAndFail seeds three keys, then runs an Update that changes all of
// them and fails with what fail does.
func seedAndFail(t *testing.T, s store.Store, fail func() error) error {
	t.Helper()
	putAll(t, s, "b", []string{"keep", "change", "remove"})
	return s.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.Put("b", "change", []byte("changed")); err != nil {
			return err
		}
		if _, err := tx.Delete("b", "remove"); err != nil {
			return err
		}
		if err := tx.Put("b", "add", []byte("added")); err != nil {
			return err
		}
		if err := tx.Put("other", "add", []byte("added")); err != nil {
			return err
		}
		return fail()
	})
}

// requireSeedIntact asserts that a failed Update left the seed alone.
func requireSeedIntact(t *testing.T, s store.Store) {
	t.Helper()
	require.Equal(t, []string{"change", "keep", "remove"}, scanKeys(t, s, store.ScanParams{Bucket: "b"}))
	requireValue(t, s, "b", "change", "change")
	requireMissing(t, s, "other", "add")
}

func testUpdateErrorRollsBack(t *testing.T, s store.Store) {
	err := seedAndFail(t, s, func() error { return fmt.Errorf("wrapped: %w", errBoom) })
	require.ErrorIs(t, err, errBoom)
	requireSeedIntact(t, s)
}

func testUpdatePanicRollsBack(t *testing.T, s store.Store) {
	err := seedAndFail(t, s, func() error { panic("kaboom") })
	require.ErrorContains(t, err, "kaboom")
	requireSeedIntact(t, s)
	// The store still works.
	put(t, s, "b", "after", "panic")
	requireValue(t, s, "b", "after", "panic")
}

// testUpdateFailuresAmongSuccesses runs many Updates at once, so that a
// driver with group commit puts failing and succeeding ones in the same
// batch: only the failing ones may lose their writes.
func testUpdateFailuresAmongSuccesses(t *testing.T, s store.Store) {
	const n = 60
	release, wait := block(t, s)
	var wg, ready sync.WaitGroup
	errs := make([]error, n)
	ready.Add(n)
	for i := range n {
		wg.Go(func() {
			ready.Done()
			errs[i] = s.Update(t.Context(), func(tx store.Tx) error {
				if err := tx.Put("b", fmt.Sprint(i), []byte("v")); err != nil {
					return err
				}
				switch i % 3 {
				case 1:
					return errBoom
				case 2:
					panic("kaboom")
				}
				return nil
			})
		})
	}
	ready.Wait()
	release()
	wg.Wait()
	require.NoError(t, wait())
	for i, err := range errs {
		switch i % 3 {
		case 0:
			require.NoError(t, err, "update %d", i)
			requireValue(t, s, "b", fmt.Sprint(i), "v")
		case 1:
			require.ErrorIs(t, err, errBoom, "update %d", i)
			requireMissing(t, s, "b", fmt.Sprint(i))
		case 2:
			require.ErrorContains(t, err, "kaboom", "update %d", i)
			requireMissing(t, s, "b", fmt.Sprint(i))
		}
	}
}

func testViewIsReadOnly(t *testing.T, s store.Store) {
	put(t, s, "b", "k", "v")
	err := s.View(t.Context(), func(tx store.Tx) error {
		assert.ErrorIs(t, tx.Put("b", "k", []byte("changed")), store.ErrReadOnly)
		_, err := tx.Delete("b", "k")
		assert.ErrorIs(t, err, store.ErrReadOnly)
		return nil
	})
	require.NoError(t, err)
	requireValue(t, s, "b", "k", "v")
}

func testViewReturnsFnError(t *testing.T, s store.Store) {
	err := s.View(t.Context(), func(tx store.Tx) error { return errBoom })
	require.ErrorIs(t, err, errBoom)
}

func testViewPanicPropagates(t *testing.T, s store.Store) {
	put(t, s, "b", "k", "v")
	// More panics than a driver has read connections: each must give its
	// connection back.
	for range 20 {
		require.PanicsWithValue(t, "kaboom", func() {
			_ = s.View(t.Context(), func(tx store.Tx) error { panic("kaboom") })
		})
	}
	requireValue(t, s, "b", "k", "v")
	put(t, s, "b", "k", "after")
	requireValue(t, s, "b", "k", "after")
}

func testTxUnusableAfterFn(t *testing.T, s store.Store) {
	var kept store.Tx
	require.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
		kept = tx
		return nil
	}))
	require.Error(t, kept.Put("b", "k", []byte("v")))
	requireMissing(t, s, "b", "k")
	require.NoError(t, s.View(t.Context(), func(tx store.Tx) error {
		kept = tx
		return nil
	}))
	_, err := kept.Get("b", "k")
	require.Error(t, err)
	require.NotErrorIs(t, err, store.ErrNotFound)
}
