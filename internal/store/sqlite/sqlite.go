package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/salvehq/salve/internal/store"
)

// DefaultMaxBatch is the default cap on Updates committed together.
const DefaultMaxBatch = 256

// DefaultBusyTimeout is how long a statement waits for a lock held by
// another process (a backup tool, the sqlite3 shell) before failing.
const DefaultBusyTimeout = 5 * time.Second

// OpenParams configures Open.
type OpenParams struct {
	// Path is the database file; it is created if missing. Its directory
	// must exist. SQLite keeps Path-wal and Path-shm next to it.
	Path string
	// Logger receives the store's few log lines; nil discards them.
	Logger *slog.Logger
	// ReadConns is the number of connections serving View; 0 means
	// max(4, GOMAXPROCS).
	ReadConns int
	// MaxBatch caps how many Updates share one commit; 0 means
	// DefaultMaxBatch.
	MaxBatch int
	// BusyTimeout is how long to wait for a lock held by another
	// process; 0 means DefaultBusyTimeout.
	BusyTimeout time.Duration
}

// Store is a store.Store kept in one SQLite database in WAL mode. Updates
// are queued to one writer goroutine, which commits them in groups with
// one fsync per group; Views run concurrently on a pool of read
// connections.
type Store struct {
	db      *sql.DB
	logger  *slog.Logger
	writer  *writer
	readers chan *conn
	nReader int

	mu     sync.RWMutex
	closed bool
	// active counts View and Update calls in progress; Close waits for it.
	active sync.WaitGroup
}

var _ store.Store = (*Store)(nil)

// Open opens or creates the database at params.Path, applies any pending
// migrations and starts the writer. It fails with a *SchemaVersionError if
// the database was written by a newer salve.
func Open(ctx context.Context, params OpenParams) (*Store, error) {
	if params.Path == "" {
		return nil, errors.New("open sqlite store: path is required")
	}
	s, err := open(ctx, params)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", params.Path, err)
	}
	return s, nil
}

func open(ctx context.Context, params OpenParams) (*Store, error) {
	params = withDefaults(params)
	migrations, err := loadMigrations(migrationFS)
	if err != nil {
		return nil, err
	}
	dsn, err := dsnFor(params.Path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	// Every connection is taken once and held until Close.
	db.SetMaxOpenConns(params.ReadConns + 1)
	db.SetMaxIdleConns(params.ReadConns + 1)
	s := &Store{
		db:      db,
		logger:  params.Logger.With("component", "store", "path", params.Path),
		readers: make(chan *conn, params.ReadConns),
		nReader: params.ReadConns,
	}
	w, err := s.openWriter(ctx, params, migrations)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	if err := s.openReaders(ctx, params); err != nil {
		_ = w.c.close()
		_ = db.Close()
		return nil, err
	}
	s.writer = w
	go w.run()
	return s, nil
}

func withDefaults(p OpenParams) OpenParams {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.ReadConns <= 0 {
		p.ReadConns = max(4, runtime.GOMAXPROCS(0))
	}
	if p.MaxBatch <= 0 {
		p.MaxBatch = DefaultMaxBatch
	}
	if p.BusyTimeout <= 0 {
		p.BusyTimeout = DefaultBusyTimeout
	}
	return p
}

// dsnFor turns a file path into a SQLite URI, so that characters such as
// '?' and '#' in the path are not taken for URI syntax.
func dsnFor(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("resolve path: %w", err)
	}
	slash := filepath.ToSlash(abs)
	if !strings.HasPrefix(slash, "/") {
		slash = "/" + slash // Windows: file:///C:/…
	}
	return (&url.URL{Scheme: "file", Path: slash}).String(), nil
}

// Page cache sizes, in KiB. Memory is bounded by the caches, not by the
// data: 64 MiB for the writer and 16 MiB per reader.
const (
	writerCacheKiB = 64 << 10
	readerCacheKiB = 16 << 10
)

// openWriter opens the write connection, switches the database to WAL,
// migrates it and prepares the write statements.
func (s *Store) openWriter(ctx context.Context, params OpenParams, ms []migration) (*writer, error) {
	c, err := openConn(ctx, s.db, []string{
		fmt.Sprintf("busy_timeout = %d", params.BusyTimeout.Milliseconds()),
		// FULL: the WAL is fsynced at every commit, so an acknowledged
		// Update survives a crash of the process or the machine.
		"synchronous = FULL",
		// macOS: fsync alone does not flush the drive's cache.
		"fullfsync = ON",
		"checkpoint_fullfsync = ON",
		"foreign_keys = ON",
		"journal_size_limit = 67108864",
		// A page cache of writerCacheKiB instead of SQLite's 2 MiB: the
		// writer reads before it writes (old results, findings), and a
		// miss is a pread.
		fmt.Sprintf("cache_size = -%d", writerCacheKiB),
		// Checkpoint every 8,192 WAL pages (32 MiB) instead of 1,000: a
		// page written several times between checkpoints is copied once.
		"wal_autocheckpoint = 8192",
	})
	if err != nil {
		return nil, fmt.Errorf("open write connection: %w", err)
	}
	if err := setWAL(ctx, c); err != nil {
		_ = c.close()
		return nil, err
	}
	from, to, err := migrate(ctx, c.sql, params.Path, ms)
	if err != nil {
		_ = c.close()
		return nil, err
	}
	if from != to {
		s.logger.Info("migrated database schema", "from_version", from, "to_version", to)
	}
	if err := c.prepareWrite(ctx); err != nil {
		_ = c.close()
		return nil, err
	}
	return &writer{
		c:        c,
		queue:    make(chan *request, params.MaxBatch),
		maxBatch: params.MaxBatch,
		logger:   s.logger,
		done:     make(chan struct{}),
	}, nil
}

// setWAL switches the database to write-ahead logging, which lets readers
// run while the writer commits. The mode is stored in the file.
func setWAL(ctx context.Context, c *conn) error {
	var mode string
	if err := c.sql.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return fmt.Errorf("set WAL mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("set WAL mode: database stays in %q mode", mode)
	}
	return nil
}

// openReaders fills the reader pool.
func (s *Store) openReaders(ctx context.Context, params OpenParams) error {
	for range params.ReadConns {
		c, err := openReader(ctx, s.db, params)
		if err != nil {
			_ = s.closeReaders(len(s.readers))
			return fmt.Errorf("open read connection: %w", err)
		}
		s.readers <- c
	}
	return nil
}

// openReader opens one connection that refuses writes.
func openReader(ctx context.Context, db *sql.DB, params OpenParams) (*conn, error) {
	c, err := openConn(ctx, db, []string{
		fmt.Sprintf("busy_timeout = %d", params.BusyTimeout.Milliseconds()),
		"query_only = ON",
		fmt.Sprintf("cache_size = -%d", readerCacheKiB),
	})
	if err != nil {
		return nil, err
	}
	if err := c.prepareRead(ctx, "BEGIN"); err != nil {
		_ = c.close()
		return nil, err
	}
	return c, nil
}

// View runs fn in a read transaction on one of the read connections. The
// transaction sees one snapshot: every Update committed before its first
// read, none committed after. fn may call Update but not View: nested
// Views could exhaust the pool. A panic in fn propagates after the
// connection is returned to the pool.
func (s *Store) View(ctx context.Context, fn func(store.Tx) error) (err error) {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.active.Done()
	if err := ctx.Err(); err != nil {
		return err
	}
	var c *conn
	select {
	case c = <-s.readers:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { s.readers <- c }()
	if err := c.run(c.begin, "begin read"); err != nil {
		return err
	}
	t := &tx{c: c, readOnly: true}
	defer func() {
		t.done = true
		if rerr := c.run(c.rollback, "end read"); rerr != nil && err == nil {
			err = rerr
		}
	}()
	return fn(t)
}

// Update queues fn for the writer and waits until the group it joined has
// committed. If ctx ends before fn starts, fn is not run and Update
// returns ctx.Err(); once fn has started, Update reports its outcome.
// fn runs on the writer goroutine and must not call View or Update; a
// panic in fn is returned as an error.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.active.Done()
	if err := ctx.Err(); err != nil {
		return err
	}
	req := newRequest(ctx, fn)
	select {
	case s.writer.queue <- req:
	case <-ctx.Done():
		return ctx.Err()
	}
	return req.wait()
}

// Close waits for the Views and Updates in progress, stops the writer and
// closes the database. Later calls return store.ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return store.ErrClosed
	}
	s.closed = true
	s.mu.Unlock()

	s.active.Wait()
	close(s.writer.queue)
	<-s.writer.done
	errs := []error{s.closeReaders(s.nReader), s.writer.c.close(), s.db.Close()}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close sqlite store: %w", err)
	}
	return nil
}

// enter registers a call in progress, or returns store.ErrClosed.
func (s *Store) enter() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return store.ErrClosed
	}
	s.active.Add(1)
	return nil
}

// closeReaders closes n connections taken from the pool.
func (s *Store) closeReaders(n int) error {
	var errs []error
	for range n {
		errs = append(errs, (<-s.readers).close())
	}
	return errors.Join(errs...)
}
