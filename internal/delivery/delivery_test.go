package delivery_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/delivery"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

func TestService_Deliver(t *testing.T) {
	t.Parallel()
	e := setup(t)
	rcv := newReceiver(t, always(http.StatusNoContent))
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL + "/hook", Body: []byte(`{"a":1}`),
		Headers: map[string]string{"Content-Type": "application/json", "X-Custom": "v"}})
	require.Equal(t, delivery.StatePending, e.get(t, id).State)

	e.tick(t, 1)
	got := rcv.got()
	require.Len(t, got, 1)
	require.Equal(t, `{"a":1}`, got[0].Body)
	require.Equal(t, "application/json", got[0].Header.Get("Content-Type"))
	require.Equal(t, "v", got[0].Header.Get("X-Custom"))
	require.Equal(t, delivery.UserAgent, got[0].Header.Get("User-Agent"))

	rec := e.get(t, id)
	require.Equal(t, delivery.StateDelivered, rec.State)
	require.Equal(t, start, rec.FinishedAt)
	require.Len(t, rec.Attempts, 1)
	require.Equal(t, http.StatusNoContent, rec.Attempts[0].Status)
	require.Empty(t, rec.LastError)
	e.tick(t, 0)
	require.Len(t, rcv.got(), 1, "a delivered delivery is not POSTed again")
}

// TestService_Backoff checks each retry waits between half and all of
// BaseDelay·2^(n-1), as the fake clock tells.
func TestService_Backoff(t *testing.T) {
	t.Parallel()
	e := setup(t, func(p *delivery.Params) { p.BaseDelay = 10 * time.Second })
	rcv := newReceiver(t, func(n int) int {
		if n <= 3 {
			return http.StatusInternalServerError
		}
		return http.StatusOK
	})
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL})
	e.tick(t, 1)
	for n, wait := range []time.Duration{10 * time.Second, 20 * time.Second, 40 * time.Second} {
		rec := e.get(t, id)
		require.Equal(t, delivery.StatePending, rec.State)
		require.Len(t, rec.Attempts, n+1)
		require.Equal(t, http.StatusInternalServerError, rec.LastStatus)
		require.Equal(t, "HTTP 500 Internal Server Error: receiver says no", rec.LastError)
		last := e.Clock.Now()
		require.False(t, rec.NextAttemptAt.Before(last.Add(wait/2)), "retry %d waits at least half its delay", n+1)
		require.False(t, rec.NextAttemptAt.After(last.Add(wait)), "retry %d waits at most its delay", n+1)

		e.Clock.Set(rec.NextAttemptAt.Add(-time.Millisecond))
		e.tick(t, 0)
		e.Clock.Set(rec.NextAttemptAt)
		e.tick(t, 1)
	}
	rec := e.get(t, id)
	require.Equal(t, delivery.StateDelivered, rec.State)
	require.Len(t, rec.Attempts, 4)
	require.Len(t, rcv.got(), 4)
}

func TestService_MaxDelayCapsBackoff(t *testing.T) {
	t.Parallel()
	e := setup(t, func(p *delivery.Params) { p.BaseDelay, p.MaxDelay = time.Minute, 90*time.Second })
	rcv := newReceiver(t, always(http.StatusBadGateway))
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL, MaxAttempts: 20})
	for range 5 {
		e.tick(t, 1)
		rec := e.get(t, id)
		require.LessOrEqual(t, rec.NextAttemptAt.Sub(e.Clock.Now()), 90*time.Second)
		e.Clock.Set(rec.NextAttemptAt)
	}
}

func TestService_TimeoutCutsHangingEndpoint(t *testing.T) {
	t.Parallel()
	e := setup(t)
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(release) })
	id := e.enqueue(t, delivery.Delivery{URL: hang.URL, Timeout: 100 * time.Millisecond})

	began := time.Now()
	e.tick(t, 1)
	require.Less(t, time.Since(began), 5*time.Second, "the attempt is cut at its timeout")
	rec := e.get(t, id)
	require.Equal(t, delivery.StatePending, rec.State, "a timed-out attempt is retried")
	require.Equal(t, "no answer within 100ms", rec.LastError)
	require.Zero(t, rec.LastStatus)
}

func TestService_DeadLetterAfterMaxAttempts(t *testing.T) {
	t.Parallel()
	e := setup(t)
	rcv := newReceiver(t, always(http.StatusServiceUnavailable))
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL, MaxAttempts: 3})
	for range 3 {
		e.tick(t, 1)
		e.Clock.Advance(delivery.DefaultMaxDelay)
	}
	e.tick(t, 0)
	rec := e.get(t, id)
	require.Equal(t, delivery.StateDead, rec.State)
	require.Len(t, rec.Attempts, 3)
	require.Equal(t, http.StatusServiceUnavailable, rec.LastStatus)
	require.Contains(t, rec.LastError, "HTTP 503")

	dead, err := e.Service.List(context.Background(), home, delivery.Filter{State: delivery.StateDead})
	require.NoError(t, err)
	require.Len(t, dead, 1)
	pending, err := e.Service.List(context.Background(), home, delivery.Filter{State: delivery.StatePending})
	require.NoError(t, err)
	require.Empty(t, pending)
}

// TestService_DeadLetterAfterMaxAge: the retry after a long backoff is
// brought forward to the deadline, and a failure there is final.
func TestService_DeadLetterAfterMaxAge(t *testing.T) {
	t.Parallel()
	e := setup(t, func(p *delivery.Params) { p.BaseDelay, p.MaxDelay = time.Hour, time.Hour })
	rcv := newReceiver(t, always(http.StatusInternalServerError))
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL, MaxAge: 10 * time.Second})
	e.tick(t, 1)
	require.Equal(t, start.Add(10*time.Second), e.get(t, id).NextAttemptAt)
	e.Clock.Advance(10 * time.Second)
	e.tick(t, 1)
	rec := e.get(t, id)
	require.Equal(t, delivery.StateDead, rec.State)
	require.Len(t, rec.Attempts, 2)
}

func TestService_Redrive(t *testing.T) {
	t.Parallel()
	e := setup(t)
	var ok atomic.Bool
	rcv := newReceiver(t, func(int) int {
		if ok.Load() {
			return http.StatusOK
		}
		return http.StatusNotFound
	})
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL, MaxAttempts: 1})
	e.tick(t, 1)
	require.Equal(t, delivery.StateDead, e.get(t, id).State)
	ok.Store(true)
	require.NoError(t, e.Service.Redrive(context.Background(), home, id))
	e.tick(t, 1)
	rec := e.get(t, id)
	require.Equal(t, delivery.StateDelivered, rec.State)
	require.Len(t, rec.Attempts, 2, "the attempts before the redrive are kept")
	require.Error(t, e.Service.Redrive(context.Background(), home, id), "only dead letters are redriven")
}

func TestService_UnreachableEndpoint(t *testing.T) {
	t.Parallel()
	e := setup(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	id := e.enqueue(t, delivery.Delivery{URL: "http://" + addr + "/"})
	e.tick(t, 1)
	rec := e.get(t, id)
	require.Equal(t, delivery.StatePending, rec.State)
	require.Contains(t, rec.LastError, "POST http://"+addr+"/: ")
	require.Contains(t, rec.LastError, "refused")
}

func TestService_RedirectIsAFailure(t *testing.T) {
	t.Parallel()
	e := setup(t)
	rcv := newReceiver(t, always(http.StatusFound))
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL})
	e.tick(t, 1)
	require.Equal(t, http.StatusFound, e.get(t, id).LastStatus)
	require.Len(t, rcv.got(), 1)
}

// TestService_WorkersBoundConcurrency holds every POST until 6 are queued
// with 2 workers, and checks that no more than 2 are ever under way.
func TestService_WorkersBoundConcurrency(t *testing.T) {
	t.Parallel()
	e := setup(t, func(p *delivery.Params) { p.Workers = 2 })
	var now, peak atomic.Int32
	release := make(chan struct{})
	arrived := make(chan struct{}, 10)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		arrived <- struct{}{}
		<-release
		now.Add(-1)
	}))
	t.Cleanup(slow.Close)
	for range 6 {
		e.enqueue(t, delivery.Delivery{URL: slow.URL})
	}
	done := make(chan int)
	go func() {
		n, _ := e.Service.Tick(context.Background())
		done <- n
	}()
	<-arrived
	<-arrived
	select {
	case <-arrived:
		t.Fatal("a third POST started while two workers were busy")
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	require.Equal(t, 6, <-done)
	require.EqualValues(t, 2, peak.Load())
	delivered, err := e.Service.List(context.Background(), home, delivery.Filter{State: delivery.StateDelivered})
	require.NoError(t, err)
	require.Len(t, delivered, 6)
}

// TestService_SurvivesRestart enqueues, closes the store without
// delivering, and delivers from a new Service over the same file.
func TestService_SurvivesRestart(t *testing.T) {
	t.Parallel()
	e := setup(t)
	rcv := newReceiver(t, always(http.StatusOK))
	id := e.enqueue(t, delivery.Delivery{URL: rcv.URL, Body: []byte("kept")})
	require.NoError(t, e.Store.Close())

	e.open(t)
	e.tick(t, 1)
	require.Equal(t, "kept", rcv.got()[0].Body)
	require.Equal(t, delivery.StateDelivered, e.get(t, id).State)
}

func TestService_RunDeliversOnWake(t *testing.T) {
	t.Parallel()
	e := setup(t, func(p *delivery.Params) { p.TickInterval = time.Hour })
	got := make(chan string, 1)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.URL.Path
	}))
	t.Cleanup(rcv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { require.NoError(t, e.Service.Run(ctx)) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	e.enqueue(t, delivery.Delivery{URL: rcv.URL + "/woken"})
	e.Service.Wake()
	select {
	case p := <-got:
		require.Equal(t, "/woken", p)
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not deliver after Wake")
	}
}

func TestService_ScopesAreSeparate(t *testing.T) {
	t.Parallel()
	e := setup(t)
	rcv := newReceiver(t, always(http.StatusOK))
	other := tenant.Scope{AccountID: "111122223333", Region: "eu-west-1"}
	e.enqueue(t, delivery.Delivery{URL: rcv.URL, Scope: other, Kind: "sns-http"})
	e.enqueue(t, delivery.Delivery{URL: rcv.URL, Kind: "events-target"})
	e.tick(t, 2)
	mine, err := e.Service.List(context.Background(), home, delivery.Filter{})
	require.NoError(t, err)
	require.Len(t, mine, 1)
	require.Equal(t, "events-target", mine[0].Kind)
	theirs, err := e.Service.List(context.Background(), other, delivery.Filter{Kind: "sns-http"})
	require.NoError(t, err)
	require.Len(t, theirs, 1)
}

func TestService_KeepDelivered(t *testing.T) {
	t.Parallel()
	e := setup(t, func(p *delivery.Params) { p.KeepDelivered = 2 })
	rcv := newReceiver(t, always(http.StatusOK))
	var ids []string
	for range 4 {
		ids = append(ids, e.enqueue(t, delivery.Delivery{URL: rcv.URL}))
		e.tick(t, 1)
	}
	recs, err := e.Service.List(context.Background(), home, delivery.Filter{})
	require.NoError(t, err)
	require.Len(t, recs, 2)
	require.Equal(t, ids[2:], []string{recs[0].ID, recs[1].ID}, "the newest are kept")
}

func TestService_EnqueueValidation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	cases := map[string]delivery.Delivery{
		"NoScope":       {Kind: "k", URL: "http://example.com"},
		"NoKind":        {Scope: home, URL: "http://example.com"},
		"RelativeURL":   {Scope: home, Kind: "k", URL: "/hook"},
		"FTP":           {Scope: home, Kind: "k", URL: "ftp://example.com/x"},
		"NoHost":        {Scope: home, Kind: "k", URL: "http:///x"},
		"BadHeaderName": {Scope: home, Kind: "k", URL: "http://example.com", Headers: map[string]string{"Bad Name": "v"}},
		"HeaderNewline": {Scope: home, Kind: "k", URL: "http://example.com", Headers: map[string]string{"X": "a\r\nInjected: 1"}},
		"LongTimeout":   {Scope: home, Kind: "k", URL: "http://example.com", Timeout: time.Hour},
		"TooManyTries":  {Scope: home, Kind: "k", URL: "http://example.com", MaxAttempts: 1000},
		"HugeBody":      {Scope: home, Kind: "k", URL: "http://example.com", Body: make([]byte, delivery.MaxBodyBytes+1)},
	}
	for name, d := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := e.Store.Update(context.Background(), func(tx store.Tx) error {
				_, err := e.Service.Enqueue(tx, d)
				return err
			})
			require.True(t, errors.Is(err, delivery.ErrInvalid), "got %v", err)
		})
	}
	_, err := e.Service.List(context.Background(), home, delivery.Filter{State: "LOST"})
	require.ErrorIs(t, err, delivery.ErrInvalid)
}

// TestService_EnqueueRollsBack: a delivery enqueued in a transaction that
// fails is never POSTed.
func TestService_EnqueueRollsBack(t *testing.T) {
	t.Parallel()
	e := setup(t)
	rcv := newReceiver(t, always(http.StatusOK))
	boom := errors.New("boom")
	err := e.Store.Update(context.Background(), func(tx store.Tx) error {
		if _, err := e.Service.Enqueue(tx, delivery.Delivery{Scope: home, Kind: "k", URL: rcv.URL}); err != nil {
			return err
		}
		return boom
	})
	require.ErrorIs(t, err, boom)
	e.tick(t, 0)
	require.Empty(t, rcv.got())
}
