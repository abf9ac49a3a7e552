package storetest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

func crudTests() []suiteTest {
	return []suiteTest{
		{"GetMissing", testGetMissing},
		{"PutGet", testPutGet},
		{"PutOverwrites", testPutOverwrites},
		{"EmptyValue", testEmptyValue},
		{"BinaryKeysAndValues", testBinaryKeysAndValues},
		{"ValuesAreCopied", testValuesAreCopied},
		{"Delete", testDelete},
		{"BucketsIsolated", testBucketsIsolated},
	}
}

func testGetMissing(t *testing.T, s store.Store) {
	requireMissing(t, s, "b", "nope")
	put(t, s, "b", "k", "v")
	requireMissing(t, s, "b", "nope")
	requireMissing(t, s, "other", "k")
}

func testPutGet(t *testing.T, s store.Store) {
	put(t, s, "b", "k", "v")
	requireValue(t, s, "b", "k", "v")
}

func testPutOverwrites(t *testing.T, s store.Store) {
	put(t, s, "b", "k", "first")
	put(t, s, "b", "k", "second")
	requireValue(t, s, "b", "k", "second")
	require.Equal(t, []string{"k"}, scanKeys(t, s, store.ScanParams{Bucket: "b"}))
}

func testEmptyValue(t *testing.T, s store.Store) {
	err := s.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.Put("b", "nil", nil); err != nil {
			return err
		}
		return tx.Put("b", "empty", []byte{})
	})
	require.NoError(t, err)
	for _, key := range []string{"nil", "empty"} {
		err := s.View(t.Context(), func(tx store.Tx) error {
			v, err := tx.Get("b", key)
			require.NoError(t, err, key)
			require.Empty(t, v, key)
			return nil
		})
		require.NoError(t, err)
	}
}

func testBinaryKeysAndValues(t *testing.T, s store.Store) {
	value := make([]byte, 256)
	for i := range value {
		value[i] = byte(i)
	}
	keys := []string{"", "\x00", "a\x00b", "\xff\xfe", "\x80not utf-8", "é", "with space", "%2F/"}
	err := s.Update(t.Context(), func(tx store.Tx) error {
		for _, k := range keys {
			if err := tx.Put("bin\x00bucket", k, value); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)
	for _, k := range keys {
		requireValue(t, s, "bin\x00bucket", k, string(value))
	}
	require.Len(t, scanKeys(t, s, store.ScanParams{Bucket: "bin\x00bucket"}), len(keys))
	requireMissing(t, s, "bin", "\x00")
}

func testValuesAreCopied(t *testing.T, s store.Store) {
	err := s.Update(t.Context(), func(tx store.Tx) error {
		v := []byte("original")
		if err := tx.Put("b", "k", v); err != nil {
			return err
		}
		copy(v, "XXXXXXXX") // the caller may reuse its buffer
		return nil
	})
	require.NoError(t, err)
	err = s.View(t.Context(), func(tx store.Tx) error {
		v, err := tx.Get("b", "k")
		require.NoError(t, err)
		copy(v, "YYYYYYYY") // and scribble on what it got back
		items, err := tx.Scan(store.ScanParams{Bucket: "b"})
		require.NoError(t, err)
		copy(items[0].Value, "ZZZZZZZZ")
		return nil
	})
	require.NoError(t, err)
	requireValue(t, s, "b", "k", "original")
}

func testDelete(t *testing.T, s store.Store) {
	put(t, s, "b", "k", "v")
	put(t, s, "b", "keep", "v")
	var existed, again, missing bool
	err := s.Update(t.Context(), func(tx store.Tx) error {
		var err error
		if existed, err = tx.Delete("b", "k"); err != nil {
			return err
		}
		if again, err = tx.Delete("b", "k"); err != nil {
			return err
		}
		missing, err = tx.Delete("nobucket", "k")
		return err
	})
	require.NoError(t, err)
	require.True(t, existed, "first delete reports the key existed")
	require.False(t, again, "second delete reports it did not")
	require.False(t, missing)
	requireMissing(t, s, "b", "k")
	requireValue(t, s, "b", "keep", "v")
	require.Equal(t, []string{"keep"}, scanKeys(t, s, store.ScanParams{Bucket: "b"}))
}

func testBucketsIsolated(t *testing.T, s store.Store) {
	// Bucket names that are prefixes of each other, or of keys, must not
	// leak into each other.
	put(t, s, "a", "k", "in a")
	put(t, s, "ab", "k", "in ab")
	put(t, s, "a/b", "k", "in a/b")
	put(t, s, "a", "b/k", "key b/k in a")
	requireValue(t, s, "a", "k", "in a")
	requireValue(t, s, "ab", "k", "in ab")
	requireValue(t, s, "a/b", "k", "in a/b")
	require.Equal(t, []string{"b/k", "k"}, scanKeys(t, s, store.ScanParams{Bucket: "a"}))
	require.Equal(t, []string{"k"}, scanKeys(t, s, store.ScanParams{Bucket: "ab"}))
	require.Empty(t, scanKeys(t, s, store.ScanParams{Bucket: "b"}))

	err := s.Update(t.Context(), func(tx store.Tx) error {
		_, err := tx.Delete("ab", "k")
		return err
	})
	require.NoError(t, err)
	requireMissing(t, s, "ab", "k")
	requireValue(t, s, "a", "k", "in a")
	requireValue(t, s, "a/b", "k", "in a/b")
}
