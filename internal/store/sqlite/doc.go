// Package sqlite is the default store.Store driver: one SQLite database
// file in WAL mode, through the pure-Go modernc.org/sqlite (no cgo).
//
// All Updates go through one writer goroutine. It takes every Update that
// is waiting (up to OpenParams.MaxBatch), runs each one's function in its
// own SAVEPOINT inside a single transaction and commits once, so a group
// of concurrent Updates costs one fsync (synchronous=FULL) instead of one
// each. A function that fails or panics rolls back to its savepoint and
// only its caller sees the error; if the commit itself fails, every caller
// in the group does. Update returns only after the commit.
//
// Views run on a pool of read connections, each in its own read
// transaction; WAL lets them read a consistent snapshot while the writer
// commits.
//
// The schema lives in numbered migrations embedded from migrations/*.sql
// and applied by Open in one transaction; PRAGMA user_version records the
// version and PRAGMA application_id marks the file as salve's. A database
// newer than the binary fails with a *SchemaVersionError.
package sqlite
