package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/salvehq/salve/internal/store"
)

// errTxDone is returned when a Tx is used after its function returned.
var errTxDone = errors.New("store: transaction used after its function returned")

// tx implements store.Tx on one connection. It is not safe for concurrent
// use, as the store.Tx contract allows.
type tx struct {
	c        *conn
	readOnly bool
	done     bool
	// err is the first statement failure. SQLite may have rolled back the
	// whole transaction on it (disk full, I/O error), so later statements
	// must not run: outside a transaction they would commit on their own.
	err error
}

var _ store.Tx = (*tx)(nil)

// Get returns the value under (bucket, key) or store.ErrNotFound.
func (t *tx) Get(bucket, key string) ([]byte, error) {
	if err := t.usable(); err != nil {
		return nil, err
	}
	var v []byte
	err := t.c.get.QueryRowContext(bg, bucket, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, t.fail(fmt.Errorf("get %q in %q: %w", key, bucket, err))
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

// Put stores value under (bucket, key).
func (t *tx) Put(bucket, key string, value []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	if _, err := t.c.put.ExecContext(bg, bucket, key, value); err != nil {
		return t.fail(fmt.Errorf("put %q in %q: %w", key, bucket, err))
	}
	return nil
}

// Delete removes (bucket, key) and reports whether it existed.
func (t *tx) Delete(bucket, key string) (bool, error) {
	if err := t.writable(); err != nil {
		return false, err
	}
	res, err := t.c.del.ExecContext(bg, bucket, key)
	if err != nil {
		return false, t.fail(fmt.Errorf("delete %q in %q: %w", key, bucket, err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, t.fail(fmt.Errorf("delete %q in %q: %w", key, bucket, err))
	}
	return n > 0, nil
}

// Scan returns the items of params.Bucket in ascending byte order of key.
func (t *tx) Scan(params store.ScanParams) ([]store.Item, error) {
	if err := t.usable(); err != nil {
		return nil, err
	}
	if params.Limit < 0 {
		return nil, fmt.Errorf("scan %q: negative limit %d", params.Bucket, params.Limit)
	}
	from, upper, args := scanArgs(params)
	items, err := t.scanRows(t.c.scan[from][upper], args, params.Limit)
	if err != nil {
		return nil, t.fail(fmt.Errorf("scan %q: %w", params.Bucket, err))
	}
	return items, nil
}

// Count returns how many items Scan would return, reading only keys.
func (t *tx) Count(params store.ScanParams) (int, error) {
	if err := t.usable(); err != nil {
		return 0, err
	}
	if params.Limit < 0 {
		return 0, fmt.Errorf("count %q: negative limit %d", params.Bucket, params.Limit)
	}
	from, upper, args := scanArgs(params)
	var n int
	if err := t.c.count[from][upper].QueryRowContext(bg, args...).Scan(&n); err != nil {
		return 0, t.fail(fmt.Errorf("count %q: %w", params.Bucket, err))
	}
	return n, nil
}

// scanArgs picks the statement kind for params' bounds (indexes into
// conn.scan and conn.count) and binds them.
func scanArgs(params store.ScanParams) (from, upper int, args []any) {
	args = make([]any, 1, 4)
	args[0] = params.Bucket
	from = scanFromStart
	switch {
	case params.After != "" && params.After >= params.Prefix:
		from = scanFromExcl
		args = append(args, params.After)
	case params.Prefix != "":
		from = scanFromIncl
		args = append(args, params.Prefix)
	}
	if end, ok := prefixEnd(params.Prefix); ok {
		upper = 1
		args = append(args, end)
	}
	limit := params.Limit
	if limit == 0 {
		limit = -1 // SQLite: no limit
	}
	return from, upper, append(args, limit)
}

// scanRows runs a scan statement and collects its rows.
func (t *tx) scanRows(st *sql.Stmt, args []any, limit int) ([]store.Item, error) {
	rows, err := st.QueryContext(bg, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []store.Item
	if limit > 0 {
		items = make([]store.Item, 0, min(limit, 64))
	}
	for rows.Next() {
		var it store.Item
		if err := rows.Scan(&it.Key, &it.Value); err != nil {
			return nil, err
		}
		if it.Value == nil {
			it.Value = []byte{}
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// prefixEnd returns the smallest string greater than every string that
// starts with prefix, or false when there is none (prefix is empty or all
// 0xff bytes).
func prefixEnd(prefix string) (string, bool) {
	b := []byte(prefix)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

// usable reports why the transaction can no longer be used, if it cannot.
func (t *tx) usable() error {
	if t.done {
		return errTxDone
	}
	if t.err != nil {
		return fmt.Errorf("earlier statement failed: %w", t.err)
	}
	return nil
}

// writable is usable plus a check that this is not a View.
func (t *tx) writable() error {
	if err := t.usable(); err != nil {
		return err
	}
	if t.readOnly {
		return store.ErrReadOnly
	}
	return nil
}

// fail records the first statement failure and returns err.
func (t *tx) fail(err error) error {
	if t.err == nil {
		t.err = err
	}
	return err
}
