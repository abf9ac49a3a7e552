package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// conn is one SQLite connection with the statements it runs, prepared once.
// A conn is used by one goroutine at a time: the writer, or the View that
// took it from the reader pool.
type conn struct {
	sql   *sql.Conn
	stmts []*sql.Stmt

	begin, rollback *sql.Stmt
	get             *sql.Stmt
	// scan is indexed by the kind of lower bound (scanFrom…) and whether
	// there is an upper bound.
	scan [3][2]*sql.Stmt
	// count is indexed like scan.
	count [3][2]*sql.Stmt

	// Writer only.
	commit, put, del                 *sql.Stmt
	savepoint, release, rollbackToSP *sql.Stmt
}

// Lower bounds a scan can have.
const (
	scanFromStart = iota // no lower bound
	scanFromIncl         // item_key >= prefix
	scanFromExcl         // item_key > after
)

// bg is the context of every statement: a statement runs to completion
// once started, because interrupting one can abort the whole write
// transaction it belongs to. Callers' contexts are honoured at the edges.
var bg = context.Background()

// openConn takes a connection from db and applies pragmas to it.
func openConn(ctx context.Context, db *sql.DB, pragmas []string) (*conn, error) {
	sc, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	c := &conn{sql: sc}
	for _, p := range pragmas {
		if _, err := sc.ExecContext(ctx, "PRAGMA "+p); err != nil {
			_ = c.close()
			return nil, fmt.Errorf("set pragma %s: %w", p, err)
		}
	}
	return c, nil
}

// stmtQuery is a statement to prepare and where to keep it.
type stmtQuery struct {
	dst   **sql.Stmt
	query string
}

// prepareRead prepares the statements every connection needs.
func (c *conn) prepareRead(ctx context.Context, begin string) error {
	queries := []stmtQuery{
		{&c.begin, begin},
		{&c.rollback, "ROLLBACK"},
		{&c.get, "SELECT value FROM item WHERE bucket = ? AND item_key = ?"},
	}
	for from := range c.scan {
		for upper := range c.scan[from] {
			q := scanQuery(from, upper == 1)
			queries = append(queries, stmtQuery{&c.scan[from][upper], q},
				stmtQuery{&c.count[from][upper], countQuery(q)})
		}
	}
	return c.prepareAll(ctx, queries)
}

// prepareWrite prepares the writer's statements.
func (c *conn) prepareWrite(ctx context.Context) error {
	if err := c.prepareRead(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	return c.prepareAll(ctx, []stmtQuery{
		{&c.commit, "COMMIT"},
		// coalesce: the driver binds a nil or empty []byte as NULL.
		{&c.put, `INSERT INTO item (bucket, item_key, value) VALUES (?, ?, coalesce(?, x''))
			ON CONFLICT (bucket, item_key) DO UPDATE SET value = excluded.value`},
		{&c.del, "DELETE FROM item WHERE bucket = ? AND item_key = ?"},
		{&c.savepoint, "SAVEPOINT fn"},
		{&c.release, "RELEASE fn"},
		{&c.rollbackToSP, "ROLLBACK TO fn"},
	})
}

func (c *conn) prepareAll(ctx context.Context, queries []stmtQuery) error {
	for _, q := range queries {
		st, err := c.sql.PrepareContext(ctx, q.query)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", q.query, err)
		}
		c.stmts = append(c.stmts, st)
		*q.dst = st
	}
	return nil
}

// scanQuery builds the SELECT for one combination of bounds. Its
// parameters are bucket, then the lower bound if any, then the upper bound
// if any, then the limit.
func scanQuery(from int, upper bool) string {
	var b strings.Builder
	b.WriteString("SELECT item_key, value FROM item WHERE bucket = ?")
	switch from {
	case scanFromIncl:
		b.WriteString(" AND item_key >= ?")
	case scanFromExcl:
		b.WriteString(" AND item_key > ?")
	}
	if upper {
		b.WriteString(" AND item_key < ?")
	}
	b.WriteString(" ORDER BY item_key LIMIT ?")
	return b.String()
}

// countQuery counts the rows a scan query would return without reading
// their values.
func countQuery(scan string) string {
	keysOnly := strings.Replace(scan, "SELECT item_key, value", "SELECT 1", 1)
	return "SELECT count(*) FROM (" + keysOnly + ")"
}

// run executes a statement that takes no arguments.
func (c *conn) run(st *sql.Stmt, what string) error {
	if _, err := st.ExecContext(bg); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// close releases the statements and the connection.
func (c *conn) close() error {
	var errs []error
	for _, st := range c.stmts {
		errs = append(errs, st.Close())
	}
	errs = append(errs, c.sql.Close())
	return errors.Join(errs...)
}
