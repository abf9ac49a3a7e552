package sqlite

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync/atomic"

	"github.com/salvehq/salve/internal/store"
)

// request is one Update waiting for the writer.
type request struct {
	ctx   context.Context
	fn    func(store.Tx) error
	state atomic.Int32
	done  chan error // buffered; receives exactly one answer unless abandoned
}

// Request states. The caller and the writer race to move a request out of
// statePending: the caller to give up on it, the writer to run it.
const (
	statePending int32 = iota
	stateClaimed
	stateAbandoned
)

// errAbandoned is returned by claim when the caller has already given up.
var errAbandoned = errors.New("request abandoned")

func newRequest(ctx context.Context, fn func(store.Tx) error) *request {
	return &request{ctx: ctx, fn: fn, done: make(chan error, 1)}
}

// claim takes the request for the writer. It returns errAbandoned if the
// caller gave up (no answer is expected), or the caller's context error if
// the context ended before fn ran (the caller expects that answer).
func (r *request) claim() error {
	if !r.state.CompareAndSwap(statePending, stateClaimed) {
		return errAbandoned
	}
	return r.ctx.Err()
}

// wait returns the writer's answer, or the context error if the context
// ends before the writer claimed the request. Once claimed, the caller
// waits: fn may already have run, and its outcome must be reported.
func (r *request) wait() error {
	select {
	case err := <-r.done:
		return err
	case <-r.ctx.Done():
		if r.state.CompareAndSwap(statePending, stateAbandoned) {
			return r.ctx.Err()
		}
		return <-r.done
	}
}

// writer owns the write connection and commits queued requests in groups.
type writer struct {
	c        *conn
	queue    chan *request
	maxBatch int
	logger   *slog.Logger
	done     chan struct{}

	batch   []*request
	results []result
}

// result is the outcome of one request whose fn ran.
type result struct {
	req *request
	err error
}

// run commits batches until the queue is closed and drained.
func (w *writer) run() {
	defer close(w.done)
	for req := range w.queue {
		w.batch = append(w.batch[:0], req)
		w.fill()
		w.commitBatch(w.batch)
		clear(w.batch) // let finished requests be collected
	}
}

// fill adds every request already waiting, up to maxBatch.
func (w *writer) fill() {
	for len(w.batch) < w.maxBatch {
		select {
		case req, ok := <-w.queue:
			if !ok {
				return
			}
			w.batch = append(w.batch, req)
		default:
			return
		}
	}
}

// commitBatch runs each request's fn in its own savepoint inside one
// transaction, commits once and answers every caller.
func (w *writer) commitBatch(batch []*request) {
	if err := w.c.run(w.c.begin, "begin"); err != nil {
		w.abort(nil, batch, err)
		return
	}
	w.results = w.results[:0]
	for i, req := range batch {
		if err := req.claim(); err != nil {
			if !errors.Is(err, errAbandoned) {
				req.done <- err
			}
			continue
		}
		fnErr, fatal := w.runOne(req)
		if fatal != nil {
			w.results = append(w.results, result{req: req})
			w.abort(w.results, batch[i+1:], fatal)
			return
		}
		w.results = append(w.results, result{req: req, err: fnErr})
	}
	if err := w.c.run(w.c.commit, "commit"); err != nil {
		w.abort(w.results, nil, err)
		return
	}
	for _, res := range w.results {
		res.req.done <- res.err
	}
}

// runOne runs req.fn inside a savepoint. fnErr is the caller's own
// failure, whose writes are rolled back; fatal means the transaction
// itself is broken and the whole batch fails.
func (w *writer) runOne(req *request) (fnErr, fatal error) {
	if err := w.c.run(w.c.savepoint, "savepoint"); err != nil {
		return nil, err
	}
	t := &tx{c: w.c}
	fnErr = w.call(req.fn, t)
	t.done = true
	if fnErr == nil && t.err != nil {
		// fn ignored a failed statement; its writes cannot be trusted.
		fnErr = t.err
	}
	if fnErr != nil {
		if err := w.c.run(w.c.rollbackToSP, "roll back to savepoint"); err != nil {
			return nil, err
		}
	}
	if err := w.c.run(w.c.release, "release savepoint"); err != nil {
		return nil, err
	}
	return fnErr, nil
}

// call runs fn and turns a panic into an error, because fn runs on the
// writer goroutine and a panic there would take the whole process down.
func (w *writer) call(fn func(store.Tx) error, t *tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			w.logger.Error("update function panicked", "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("update function panicked: %v", p)
		}
	}()
	return fn(t)
}

// abort rolls the transaction back and fails every request that ran
// (ran) or was still waiting in the batch (rest) with err.
func (w *writer) abort(ran []result, rest []*request, err error) {
	// The transaction may already be gone (SQLite rolls back on some
	// errors), so a failing ROLLBACK tells nothing new.
	_ = w.c.run(w.c.rollback, "rollback")
	err = fmt.Errorf("write transaction failed: %w", err)
	for _, res := range ran {
		res.req.done <- err
	}
	for _, req := range rest {
		if cerr := req.claim(); cerr != nil {
			if !errors.Is(cerr, errAbandoned) {
				req.done <- cerr
			}
			continue
		}
		req.done <- err
	}
}
