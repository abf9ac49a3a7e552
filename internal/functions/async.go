package functions

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Asynchronous invocations, as Lambda retries them.
const (
	// MaxRetries is how many times a function error is retried.
	MaxRetries = 2
	// MaxEventAge is how long an invocation that cannot run (no runner)
	// is kept and retried.
	MaxEventAge = 6 * time.Hour
	// retryDelay is the wait before the first retry; each further retry
	// waits one more delay.
	retryDelay = time.Minute
	// leaseMargin is added to a run's longest duration for its lease.
	leaseMargin = 30 * time.Second
	// claimBatch bounds the invocations Tick takes at once.
	claimBatch = 64
)

// keyTimeLayout orders the asynchronous bucket's keys by time.
const keyTimeLayout = "20060102T150405.000000000Z"

// job is one queued asynchronous invocation, stored under
// (due or lease end, id).
type job struct {
	ID            string       `json:"id"`
	Scope         tenant.Scope `json:"scope"`
	Function      string       `json:"function"`
	Payload       []byte       `json:"payload,omitempty"`
	ClientContext string       `json:"clientContext,omitempty"`
	RequestID     string       `json:"requestId"`
	// Attempts counts the runs that ended in a function error.
	Attempts int       `json:"attempts,omitempty"`
	Enqueued time.Time `json:"enqueued"`
	// Leased is set while a worker runs the job; the key's time is then
	// when the lease ends and another worker may take it again.
	Leased bool `json:"leased,omitempty"`
}

// claimed is a job taken under a lease, and its key.
type claimed struct {
	key string
	job job
}

// jobKey is the key of a job due at t.
func jobKey(t time.Time, id string) string {
	return store.Key(t.UTC().Format(keyTimeLayout), id)
}

// Enqueue queues an asynchronous invocation (InvocationType Event) and
// returns its request id. The function must exist; it runs once Run (or
// Tick) takes the invocation.
func (s *Service) Enqueue(ctx context.Context, scope tenant.Scope, in InvokeParams) (string, error) {
	if len(in.Payload) > MaxAsyncPayload {
		return "", Errf(CodeRequestTooLarge, "Request must be smaller than %d bytes for the InvokeFunction operation", MaxAsyncPayload)
	}
	if _, err := checkInvoke(in); err != nil {
		return "", err
	}
	name, err := resolve(scope, in.FunctionName, in.Qualifier)
	if err != nil {
		return "", err
	}
	now := s.p.Clock.Now()
	j := job{ID: uuid.NewString(), Scope: scope, Function: name, Payload: in.Payload, ClientContext: in.ClientContext,
		RequestID: in.RequestID, Enqueued: now.UTC()}
	if j.RequestID == "" {
		j.RequestID = uuid.NewString()
	}
	err = s.p.Store.Update(ctx, func(tx store.Tx) error {
		if _, err := getFunction(tx, scope, name); err != nil {
			return err
		}
		return store.PutRecord(tx, asyncBucket, jobKey(now, j.ID), j)
	})
	if err != nil {
		return "", err
	}
	s.Wake()
	return j.RequestID, nil
}

// Wake asks Run to look for due invocations now. It never blocks.
func (s *Service) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run runs due asynchronous invocations, at most Params.Workers at once,
// when woken and every TickInterval, until ctx ends; then it waits for the
// running ones (their processes are killed and their invocations left to
// run again).
func (s *Service) Run(ctx context.Context) error {
	sem := make(chan struct{}, s.p.Workers)
	var wg sync.WaitGroup
	defer wg.Wait()
	t := time.NewTicker(s.p.TickInterval)
	defer t.Stop()
	for {
		s.dispatch(ctx, sem, &wg)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-s.wake:
		}
	}
}

// dispatch takes as many due invocations as there are free workers and
// starts them.
func (s *Service) dispatch(ctx context.Context, sem chan struct{}, wg *sync.WaitGroup) {
	free := cap(sem) - len(sem)
	if free == 0 {
		return
	}
	jobs, err := s.claim(ctx, free)
	if err != nil {
		if ctx.Err() == nil {
			s.p.Logger.Error("take asynchronous invocations", "err", err)
		}
		return
	}
	for _, c := range jobs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem; s.Wake() }()
			s.runJob(ctx, c)
		})
	}
}

// Tick runs every asynchronous invocation due at the clock's now and
// waits for them; it returns how many ran. (Tests drive the queue with it;
// serve runs Run.)
func (s *Service) Tick(ctx context.Context) (int, error) {
	jobs, err := s.claim(ctx, claimBatch)
	if err != nil {
		return 0, err
	}
	sem := make(chan struct{}, s.p.Workers)
	var wg sync.WaitGroup
	for _, c := range jobs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			s.runJob(ctx, c)
		})
	}
	wg.Wait()
	return len(jobs), ctx.Err()
}

// claim takes up to n due invocations: each moves to the key of its
// lease's end, so that no other worker takes it meanwhile and a process
// that dies leaves it to be taken again.
func (s *Service) claim(ctx context.Context, n int) ([]claimed, error) {
	now := s.p.Clock.Now()
	due := jobKey(now, "\xff")
	var out []claimed
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		out = nil
		items, err := tx.Scan(store.ScanParams{Bucket: asyncBucket, Limit: n})
		if err != nil {
			return err
		}
		for _, it := range items {
			if it.Key > due {
				break
			}
			c, err := s.lease(tx, it, now)
			if err != nil {
				return err
			}
			if c != nil {
				out = append(out, *c)
			}
		}
		return nil
	})
	return out, err
}

// lease moves one due job under a lease; a job whose function is gone is
// dropped (nil).
func (s *Service) lease(tx store.Tx, it store.Item, now time.Time) (*claimed, error) {
	var j job
	if err := store.DecodeRecord(asyncBucket, it.Key, it.Value, &j); err != nil {
		return nil, err
	}
	if _, err := tx.Delete(asyncBucket, it.Key); err != nil {
		return nil, err
	}
	f, err := getFunction(tx, j.Scope, j.Function)
	if Code(err) == CodeResourceNotFound {
		s.p.Logger.Warn("asynchronous invocation dropped: its function was deleted",
			"function", j.Function, "request_id", j.RequestID, "account", j.Scope.AccountID, "region", j.Scope.Region)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	j.Leased = true
	lease := time.Duration(f.Timeout)*time.Second + script.InitTimeout + leaseMargin
	key := jobKey(now.Add(lease), j.ID)
	return &claimed{key: key, job: j}, store.PutRecord(tx, asyncBucket, key, j)
}

// retry is a job to queue again after a delay.
type retry struct {
	job   job
	delay time.Duration
}

// runJob invokes a claimed job and settles it: done, retried later, or
// given up.
func (s *Service) runJob(ctx context.Context, c claimed) {
	j := c.job
	res, err := s.InvokeWith(ctx, j.Scope, InvokeParams{FunctionName: j.Function, Payload: j.Payload,
		ClientContext: j.ClientContext, RequestID: j.RequestID})
	log := s.p.Logger.With("function", j.Function, "request_id", j.RequestID, "account", j.Scope.AccountID,
		"region", j.Scope.Region)
	j.Leased = false
	var next *retry
	switch {
	case ctx.Err() != nil:
		// Shutting down: the invocation runs again after the restart.
		next, ctx = &retry{job: j}, context.WithoutCancel(ctx)
	case Code(err) == CodeResourceNotFound:
		log.Warn("asynchronous invocation dropped: its function was deleted")
	case err != nil:
		next = s.retryOnError(log, j, err)
	case res.FunctionError != "":
		next = retryFunctionError(log, j, res)
	default:
		log.Info("asynchronous invocation succeeded", "attempt", j.Attempts+1)
	}
	if err := s.settle(ctx, c.key, next); err != nil {
		log.Error("settle asynchronous invocation", "err", err)
	}
}

// retryFunctionError schedules the retry of a function error, one retry
// delay per attempt later, or gives up after MaxRetries retries.
func retryFunctionError(log *slog.Logger, j job, res InvokeResult) *retry {
	j.Attempts++
	if j.Attempts > MaxRetries {
		log.Error("asynchronous invocation failed; no retries left", "attempts", j.Attempts,
			"error", string(res.Payload), "log_tail", res.Tail)
		return nil
	}
	log.Warn("asynchronous invocation failed; retrying", "attempt", j.Attempts, "error", string(res.Payload))
	return &retry{job: j, delay: time.Duration(j.Attempts) * retryDelay}
}

// retryOnError schedules the retry of an invocation that could not run,
// until it is MaxEventAge old.
func (s *Service) retryOnError(log *slog.Logger, j job, err error) *retry {
	if s.p.Clock.Now().Sub(j.Enqueued) > MaxEventAge {
		log.Error("asynchronous invocation dropped: it could not run within the maximum event age", "err", err)
		return nil
	}
	log.Warn("asynchronous invocation could not run; retrying", "err", err)
	return &retry{job: j, delay: retryDelay}
}

// settle removes a job's lease and, when next is set, queues it again.
func (s *Service) settle(ctx context.Context, key string, next *retry) error {
	return s.p.Store.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.Delete(asyncBucket, key); err != nil || next == nil {
			return err
		}
		at := s.p.Clock.Now().Add(next.delay)
		return store.PutRecord(tx, asyncBucket, jobKey(at, next.job.ID), next.job)
	})
}
