package delivery_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/delivery"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// home is the scope the tests deliver for.
var home = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

// env is a delivery service over a fresh SQLite file.
type env struct {
	Path    string
	Store   store.Store
	Clock   *clock.Fake
	Service *delivery.Service
	Params  delivery.Params
}

func setup(t *testing.T, adjust ...func(*delivery.Params)) *env {
	t.Helper()
	e := &env{Path: filepath.Join(t.TempDir(), "salve.db"), Clock: clock.NewFake(start)}
	e.Params = delivery.Params{Clock: e.Clock}
	for _, f := range adjust {
		f(&e.Params)
	}
	e.open(t)
	return e
}

// open (re)opens the store and builds a new Service over it.
func (e *env) open(t *testing.T) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: e.Path})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	e.Store = st
	e.Params.Store = st
	e.Service = delivery.New(e.Params)
}

// enqueue enqueues d (scope home when unset) in its own transaction.
func (e *env) enqueue(t *testing.T, d delivery.Delivery) string {
	t.Helper()
	if d.Scope == (tenant.Scope{}) {
		d.Scope = home
	}
	if d.Kind == "" {
		d.Kind = "test"
	}
	var id string
	require.NoError(t, e.Store.Update(context.Background(), func(tx store.Tx) error {
		var err error
		id, err = e.Service.Enqueue(tx, d)
		return err
	}))
	return id
}

// tick runs one Tick and asserts how many attempts it made.
func (e *env) tick(t *testing.T, attempts int) {
	t.Helper()
	n, err := e.Service.Tick(context.Background())
	require.NoError(t, err)
	require.Equal(t, attempts, n, "attempts made by Tick")
}

// get returns the one record of id.
func (e *env) get(t *testing.T, id string) delivery.Record {
	t.Helper()
	recs, err := e.Service.List(context.Background(), home, delivery.Filter{ID: id})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	return recs[0]
}

// received is one request a receiver got.
type received struct {
	Header http.Header
	Body   string
}

// receiver is an HTTP endpoint that answers with the status its function
// picks for the n-th request (1-based) and keeps every request.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	requests []received
	status   func(n int) int
}

func newReceiver(t *testing.T, status func(n int) int) *receiver {
	t.Helper()
	r := &receiver{status: status}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.requests = append(r.requests, received{Header: req.Header.Clone(), Body: string(body)})
		n := len(r.requests)
		r.mu.Unlock()
		code := r.status(n)
		w.WriteHeader(code)
		if code >= 300 {
			io.WriteString(w, "receiver says no")
		}
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) got() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.requests...)
}

func always(code int) func(int) int { return func(int) int { return code } }
