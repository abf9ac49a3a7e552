package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// applicationID marks a SQLite file as a salve database ("SALV").
const applicationID = 0x53414c56

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// SchemaVersionError reports a database whose schema is newer than this
// binary knows: it was written by a newer salve.
type SchemaVersionError struct {
	// Path is the database file.
	Path string
	// Version is the schema version recorded in the database.
	Version int
	// Known is the newest schema version this binary knows.
	Known int
}

// Error names both versions and tells the operator what to do.
func (e *SchemaVersionError) Error() string {
	return fmt.Sprintf("database has schema version %d, but this salve knows only versions up to %d: "+
		"upgrade salve to open it", e.Version, e.Known)
}

// loadMigrations reads the embedded migrations, named NNNN_description.sql,
// and checks that they are numbered 1, 2, 3… without gaps.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || version <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", base)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", base, err)
		}
		ms = append(ms, migration{version: version, name: base, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate brings the database on conn up to the newest migration in one
// transaction and reports the versions it found and left.
func migrate(ctx context.Context, conn *sql.Conn, dbPath string, ms []migration) (from, to int, err error) {
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return 0, 0, fmt.Errorf("begin migration: %w", err)
	}
	defer func() {
		if err != nil {
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	from, err = checkSchema(ctx, conn, dbPath, len(ms))
	if err != nil {
		return 0, 0, err
	}
	for _, m := range ms[from:] {
		if _, err := conn.ExecContext(ctx, m.sql); err != nil {
			return 0, 0, fmt.Errorf("apply migration %s: %w", m.name, err)
		}
	}
	// PRAGMA takes no bound parameters; both values are integers we control.
	set := fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, len(ms))
	if _, err := conn.ExecContext(ctx, set); err != nil {
		return 0, 0, fmt.Errorf("record schema version: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return 0, 0, fmt.Errorf("commit migration: %w", err)
	}
	return from, len(ms), nil
}

// checkSchema returns the database's schema version after checking that
// the file belongs to salve and is not newer than known.
func checkSchema(ctx context.Context, conn *sql.Conn, dbPath string, known int) (int, error) {
	var appID, version int
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return 0, fmt.Errorf("read application id: %w", err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	fresh := appID == 0 && version == 0
	if !fresh && appID != applicationID {
		return 0, fmt.Errorf("database was not created by salve (application id %#x): "+
			"choose another data directory", appID)
	}
	if version > known {
		return 0, &SchemaVersionError{Path: dbPath, Version: version, Known: known}
	}
	return version, nil
}
