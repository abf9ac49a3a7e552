package storetest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

func scanTests() []suiteTest {
	return []suiteTest{
		{"ScanEmpty", testScanEmpty},
		{"ScanByteOrder", testScanByteOrder},
		{"ScanRanges", testScanRanges},
		{"ScanPaging", testScanPaging},
		{"ScanValues", testScanValues},
		{"ScanNegativeLimit", testScanNegativeLimit},
		{"ScanMatchesModel", testScanMatchesModel},
	}
}

// putAll stores every key, with the key as its value, in one Update.
func putAll(t *testing.T, s store.Store, bucket string, keys []string) {
	t.Helper()
	err := s.Update(t.Context(), func(tx store.Tx) error {
		for _, k := range keys {
			if err := tx.Put(bucket, k, []byte(k)); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)
}

func testScanEmpty(t *testing.T, s store.Store) {
	require.Empty(t, scanKeys(t, s, store.ScanParams{Bucket: "none"}))
	put(t, s, "b", "k", "v")
	require.Empty(t, scanKeys(t, s, store.ScanParams{Bucket: "b", Prefix: "x"}))
	require.Empty(t, scanKeys(t, s, store.ScanParams{Bucket: "b", After: "k"}))
}

func testScanByteOrder(t *testing.T, s store.Store) {
	want := []string{"", "\x00", "A", "B", "Z", "a", "a\x00", "a%", "a/", "a/b", "aa", "b", "é", "\xff", "\xff\xff"}
	shuffled := slices.Clone(want)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	})
	putAll(t, s, "b", shuffled)
	require.Equal(t, want, scanKeys(t, s, store.ScanParams{Bucket: "b"}))
}

func testScanRanges(t *testing.T, s store.Store) {
	putAll(t, s, "b", []string{"a", "a/1", "a/2", "a/3", "ab", "b", "b/1", "\xff", "\xff\x00", "\xff\xff", "\xff\xff\x01"})
	putAll(t, s, "other", []string{"a/0", "a/9"})
	tests := []struct {
		name   string
		params store.ScanParams
		want   []string
	}{
		{"All", store.ScanParams{}, []string{"a", "a/1", "a/2", "a/3", "ab", "b", "b/1", "\xff", "\xff\x00", "\xff\xff", "\xff\xff\x01"}},
		{"Prefix", store.ScanParams{Prefix: "a/"}, []string{"a/1", "a/2", "a/3"}},
		{"PrefixIsKey", store.ScanParams{Prefix: "a"}, []string{"a", "a/1", "a/2", "a/3", "ab"}},
		{"PrefixNoMatch", store.ScanParams{Prefix: "c"}, nil},
		{"PrefixFF", store.ScanParams{Prefix: "\xff"}, []string{"\xff", "\xff\x00", "\xff\xff", "\xff\xff\x01"}},
		{"PrefixFFFF", store.ScanParams{Prefix: "\xff\xff"}, []string{"\xff\xff", "\xff\xff\x01"}},
		{"After", store.ScanParams{After: "ab"}, []string{"b", "b/1", "\xff", "\xff\x00", "\xff\xff", "\xff\xff\x01"}},
		{"AfterMissingKey", store.ScanParams{After: "a/15"}, []string{"a/2", "a/3", "ab", "b", "b/1", "\xff", "\xff\x00", "\xff\xff", "\xff\xff\x01"}},
		{"AfterLast", store.ScanParams{After: "\xff\xff\x01"}, nil},
		{"PrefixAfter", store.ScanParams{Prefix: "a/", After: "a/1"}, []string{"a/2", "a/3"}},
		{"PrefixAfterBeforePrefix", store.ScanParams{Prefix: "a/", After: "a"}, []string{"a/1", "a/2", "a/3"}},
		{"PrefixAfterFarBefore", store.ScanParams{Prefix: "b", After: "0"}, []string{"b", "b/1"}},
		{"PrefixAfterPastPrefix", store.ScanParams{Prefix: "a/", After: "a0"}, nil},
		{"PrefixAfterFF", store.ScanParams{Prefix: "\xff", After: "\xff\x00"}, []string{"\xff\xff", "\xff\xff\x01"}},
		{"Limit", store.ScanParams{Limit: 2}, []string{"a", "a/1"}},
		{"PrefixLimit", store.ScanParams{Prefix: "a/", Limit: 2}, []string{"a/1", "a/2"}},
		{"PrefixAfterLimit", store.ScanParams{Prefix: "a/", After: "a/1", Limit: 1}, []string{"a/2"}},
		{"LimitAboveCount", store.ScanParams{Prefix: "b", Limit: 10}, []string{"b", "b/1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.params.Bucket = "b"
			require.Equal(t, tc.want, scanKeys(t, s, tc.params))
		})
	}
}

func testScanPaging(t *testing.T, s store.Store) {
	var want []string
	for i := range 25 {
		want = append(want, store.Key("page", string(rune('a'+i))))
	}
	putAll(t, s, "b", want)
	putAll(t, s, "b", []string{"pag", "pagf", "z"})
	var got []string
	after := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 10, "paging does not end")
		keys := scanKeys(t, s, store.ScanParams{Bucket: "b", Prefix: "page/", After: after, Limit: 7})
		got = append(got, keys...)
		if len(keys) < 7 {
			break
		}
		after = keys[len(keys)-1]
	}
	require.Equal(t, want, got)
}

func testScanValues(t *testing.T, s store.Store) {
	err := s.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.Put("b", "1", []byte("one")); err != nil {
			return err
		}
		if err := tx.Put("b", "2", nil); err != nil {
			return err
		}
		return tx.Put("b", "3", []byte("three"))
	})
	require.NoError(t, err)
	err = s.View(t.Context(), func(tx store.Tx) error {
		items, err := tx.Scan(store.ScanParams{Bucket: "b"})
		require.NoError(t, err)
		require.Len(t, items, 3)
		require.Equal(t, store.Item{Key: "1", Value: []byte("one")}, items[0])
		require.Equal(t, "2", items[1].Key)
		require.Empty(t, items[1].Value)
		require.Equal(t, store.Item{Key: "3", Value: []byte("three")}, items[2])
		return nil
	})
	require.NoError(t, err)
}

func testScanNegativeLimit(t *testing.T, s store.Store) {
	err := s.View(t.Context(), func(tx store.Tx) error {
		_, err := tx.Scan(store.ScanParams{Bucket: "b", Limit: -1})
		return err
	})
	require.Error(t, err)
}

// testScanMatchesModel compares random scans over keys drawn from a small
// alphabet, rich in edge bytes, with a brute-force model.
func testScanMatchesModel(t *testing.T, s store.Store) {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{"\x00", "a", "b", "/", "%", "\x7f", "\x80", "\xff"}
	randKey := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	model := map[string]bool{}
	var keys []string
	for range 150 {
		k := randKey()
		if !model[k] {
			model[k] = true
			keys = append(keys, k)
		}
	}
	putAll(t, s, "m", keys)
	slices.Sort(keys)

	for i := range 300 {
		p := store.ScanParams{Bucket: "m", Prefix: randKey(), Limit: rng.IntN(4)}
		if rng.IntN(2) == 0 {
			p.After = randKey()
		}
		want := modelScan(keys, p)
		require.Equal(t, want, scanKeys(t, s, p), "scan %d: %+q", i, p)
		require.Equal(t, len(want), countKeys(t, s, p), "count %d: %+q", i, p)
	}
}

// countKeys runs Count in a View.
func countKeys(t *testing.T, s store.Store, p store.ScanParams) int {
	t.Helper()
	var n int
	require.NoError(t, s.View(t.Context(), func(tx store.Tx) error {
		var err error
		n, err = tx.Count(p)
		return err
	}))
	return n
}

// modelScan is the obvious, slow definition of Scan over sorted keys.
func modelScan(sorted []string, p store.ScanParams) []string {
	var out []string
	for _, k := range sorted {
		if !strings.HasPrefix(k, p.Prefix) || (p.After != "" && k <= p.After) {
			continue
		}
		if p.Limit > 0 && len(out) == p.Limit {
			break
		}
		out = append(out, k)
	}
	return out
}
