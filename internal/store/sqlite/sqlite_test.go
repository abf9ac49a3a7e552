package sqlite_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/store/storetest"
)

// openTemp opens a store in a fresh temporary directory and closes it
// when the test ends, unless the test closed it.
func openTemp(t testing.TB) (*sqlite.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "salve.db")
	s := openPath(t, path)
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

func openPath(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(t.Context(), sqlite.OpenParams{Path: path})
	require.NoError(t, err)
	return s
}

func TestStore_Conformance(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(t.Context(), sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
		require.NoError(t, err)
		return s
	})
}

func TestOpen_ReopenKeepsData(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "dir with ? and # and %", "salve.db")
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	s := openPath(t, path)
	for i := range 50 {
		err := s.Update(t.Context(), func(tx store.Tx) error {
			return tx.Put("b", fmt.Sprintf("k%03d", i), []byte(fmt.Sprint(i)))
		})
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())

	s = openPath(t, path)
	defer s.Close()
	err := s.View(t.Context(), func(tx store.Tx) error {
		items, err := tx.Scan(store.ScanParams{Bucket: "b"})
		require.NoError(t, err)
		require.Len(t, items, 50)
		for i, it := range items {
			require.Equal(t, fmt.Sprintf("k%03d", i), it.Key)
			require.Equal(t, fmt.Sprint(i), string(it.Value))
		}
		return nil
	})
	require.NoError(t, err)
	_, err = os.Stat(path)
	require.NoError(t, err, "the database is where Path says")
}

func TestOpen_NewerSchema(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	require.NoError(t, s.Close())
	setPragma(t, path, "user_version = 99")

	_, err := sqlite.Open(t.Context(), sqlite.OpenParams{Path: path})
	t.Log(err)
	var verr *sqlite.SchemaVersionError
	require.ErrorAs(t, err, &verr)
	require.Equal(t, 99, verr.Version)
	require.Equal(t, 1, verr.Known)
	require.ErrorContains(t, err, "schema version 99")
	require.ErrorContains(t, err, "up to 1")
	require.ErrorContains(t, err, "upgrade salve")
}

func TestOpen_ForeignDatabase(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "other.db")
	setPragma(t, path, "user_version = 3")

	_, err := sqlite.Open(t.Context(), sqlite.OpenParams{Path: path})
	require.ErrorContains(t, err, "not created by salve")
}

func TestOpen_RequiresPath(t *testing.T) {
	t.Parallel()
	_, err := sqlite.Open(t.Context(), sqlite.OpenParams{})
	require.ErrorContains(t, err, "path is required")
}

func TestOpen_MissingDirectory(t *testing.T) {
	t.Parallel()
	_, err := sqlite.Open(t.Context(), sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "no", "such", "salve.db")})
	require.Error(t, err)
}

// setPragma sets a pragma on the database file behind salve's back.
func setPragma(t *testing.T, path, pragma string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.ExecContext(t.Context(), "PRAGMA "+pragma)
	require.NoError(t, err)
}
