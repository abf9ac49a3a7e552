package delivery

import (
	"context"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/store"
)

// batch is how many due entries one dispatch reads.
const batch = 256

// Run delivers due deliveries until ctx ends: it looks for them every
// TickInterval and whenever Wake is called, and POSTs them on at most
// Workers goroutines. It waits for the attempts under way before it
// returns; an attempt cut by ctx is not counted (its claim runs out and
// it is POSTed again by the next Run).
func (s *Service) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	t := time.NewTicker(s.p.TickInterval)
	defer t.Stop()
	for {
		if _, err := s.dispatch(ctx, &wg); err != nil && ctx.Err() == nil {
			s.p.Logger.Error("look for due deliveries", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-s.wake:
		}
	}
}

// Tick POSTs every delivery due at the clock's now and waits for the
// answers (tests drive deliveries with it); it returns how many attempts
// it made.
func (s *Service) Tick(ctx context.Context) (int, error) {
	total := 0
	for {
		var wg sync.WaitGroup
		n, err := s.dispatch(ctx, &wg)
		wg.Wait()
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

// dispatch claims the deliveries due now, one per free worker, and starts
// their attempts; it returns how many it started.
func (s *Service) dispatch(ctx context.Context, wg *sync.WaitGroup) (int, error) {
	now := s.p.Clock.Now().UTC()
	var due []dueEntry
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		var err error
		due, err = dueEntries(tx, now, batch)
		return err
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range due {
		started, err := s.start(ctx, wg, e, now)
		if err != nil {
			return n, err
		}
		if started {
			n++
		}
	}
	return n, nil
}

// start claims one due delivery on a free worker and POSTs it there.
func (s *Service) start(ctx context.Context, wg *sync.WaitGroup, e dueEntry, now time.Time) (bool, error) {
	if !s.hold(e.ID) {
		return false, nil
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		s.release(e.ID)
		return false, ctx.Err()
	}
	done := func() {
		<-s.sem
		s.release(e.ID)
	}
	rec, err := s.claim(ctx, e, now)
	if err != nil || rec == nil {
		done()
		return false, err
	}
	wg.Go(func() {
		defer done()
		s.attempt(ctx, rec)
		// Deliveries left out of this batch may be due.
		s.Wake()
	})
	return true, nil
}

// hold marks a delivery as handled by this process; false when it already
// is.
func (s *Service) hold(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inflight[id] {
		return false
	}
	s.inflight[id] = true
	return true
}

func (s *Service) release(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.inflight, id)
}

// claim takes a due delivery: its due entry moves to the end of a lease
// (another process, or this one after a crash, takes it again only then).
// It returns nil when the entry is gone (another worker took it).
func (s *Service) claim(ctx context.Context, e dueEntry, now time.Time) (*Record, error) {
	var rec *Record
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.Get(DueBucket, e.key); err != nil {
			return ignoreNotFound(err)
		}
		r, err := getPending(tx, e.Scope, e.ID)
		if err != nil || r == nil || !dueKeyMatches(r, e) {
			if err == nil {
				_, err = tx.Delete(DueBucket, e.key)
			}
			return err
		}
		if err := unschedule(tx, r); err != nil {
			return err
		}
		r.Lease = uuid.NewString()
		r.NextAttemptAt = now.Add(r.Timeout() + s.p.LeaseSlack)
		rec = r
		return putPending(tx, r)
	})
	return rec, err
}

// dueKeyMatches reports whether e is the record's current due entry (not
// a stale one).
func dueKeyMatches(r *Record, e dueEntry) bool {
	return dueKey(r.NextAttemptAt, r.ID) == e.key
}
