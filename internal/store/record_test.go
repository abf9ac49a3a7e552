package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
)

type record struct {
	Name    string         `json:"name,omitempty"`
	Empty   *string        `json:"empty,omitempty"`
	Default any            `json:"default,omitempty"`
	Count   int            `json:"count,omitempty"`
	At      time.Time      `json:"at"`
	Tags    map[string]any `json:"tags,omitempty"`
	List    []string       `json:"list,omitempty"`
}

// TestRecord_RoundTrip pins what domain packages rely on: a record reads
// back exactly as written, including a pointer or interface holding "".
func TestRecord_RoundTrip(t *testing.T) {
	s := memstore.New()
	empty := ""
	in := record{Name: "r", Empty: &empty, Default: "", Count: 0,
		At: time.Date(2026, 11, 1, 12, 0, 0, 123000000, time.UTC), Tags: map[string]any{"n": 1.5}}
	require.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
		return store.PutRecord(tx, "b", "k", in)
	}))
	var out record
	require.NoError(t, s.View(t.Context(), func(tx store.Tx) error {
		return store.GetRecord(tx, "b", "k", &out)
	}))
	require.Equal(t, in, out)

	err := s.View(t.Context(), func(tx store.Tx) error { return store.GetRecord(tx, "b", "missing", &out) })
	require.ErrorIs(t, err, store.ErrNotFound)
	require.ErrorContains(t, store.DecodeRecord("b", "k", []byte(`{"count":"x"}`), &out), `decode "k" in "b"`)
}
