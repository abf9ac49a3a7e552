package runbooks

import (
	"context"
	"errors"
	"fmt"
	"github.com/salvehq/salve/internal/automation"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Run recovers every unfinished execution, then advances executions on
// Params.Workers goroutines and wakes due waits every TickInterval, until
// ctx ends. An execution interrupted by the end of ctx is left as last
// saved, for the next Run (of this or a new Service) to recover.
func (s *Service) Run(ctx context.Context) error {
	s.queue.start()
	if err := s.Recover(ctx); err != nil {
		// One unreadable execution must not keep the others from running.
		s.p.Logger.Error("recover automation executions", "err", err)
	}
	s.queue.recovered()
	var wg sync.WaitGroup
	for range s.p.Workers {
		wg.Go(func() { s.work(ctx) })
	}
	stop := context.AfterFunc(ctx, s.queue.stop)
	defer stop()
	s.tickEvery(ctx)
	s.queue.stop()
	wg.Wait()
	return nil
}

// tickEvery calls Tick every TickInterval of wall-clock time until ctx
// ends (the domain clock decides what is due).
func (s *Service) tickEvery(ctx context.Context) {
	t := time.NewTicker(s.p.TickInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Tick(ctx); err != nil && ctx.Err() == nil {
				s.p.Logger.Error("automation tick failed", "err", err)
			}
		}
	}
}

// work advances queued executions until the queue stops.
func (s *Service) work(ctx context.Context) {
	for {
		j, ok := s.queue.pop()
		if !ok {
			return
		}
		if err := s.advance(ctx, j); err != nil && ctx.Err() == nil {
			s.p.Logger.Error("automation execution failed to advance", "execution_id", j.id, "err", err)
		}
		s.queue.done()
	}
}

// Drain waits until Run has recovered the executions of a previous
// process and no execution is queued or advancing, or ctx ends: in tests,
// after a start, a signal or a Tick, it waits for the outcome.
func (s *Service) Drain(ctx context.Context) error { return s.queue.wait(ctx) }

// enqueue asks the workers to advance an execution.
func (s *Service) enqueue(scope tenant.Scope, id string) { s.queue.push(job{scope: scope, id: id}) }

// advance runs one execution until it finishes or waits.
func (s *Service) advance(ctx context.Context, j job) error {
	unlock := s.lock(j.id)
	x, out, err := s.advanceLocked(ctx, j)
	unlock()
	if err != nil {
		return err
	}
	if out.Kind != engine.Done {
		return nil
	}
	if x.ParentID != "" {
		s.enqueue(x.Scope, x.ParentID)
		return nil
	}
	for _, h := range s.onFinished {
		h(x.Scope, x.AutomationExecutionID)
	}
	return nil
}

// OnStarted registers a hook called after each Start committed (a repeated
// ClientToken calls it again with the first execution's id). Register
// hooks before serving; they must not block.
func (s *Service) OnStarted(h func(scope tenant.Scope, automationExecutionID string)) {
	s.onStarted = append(s.onStarted, h)
}

// OnFinished registers a hook called, on a worker, each time an
// execution without a parent is found ended (at least once per
// execution, possibly more). Register hooks before Run; they must not
// block.
func (s *Service) OnFinished(h func(scope tenant.Scope, automationExecutionID string)) {
	s.onFinished = append(s.onFinished, h)
}

// advanceLocked loads and advances an execution under its lock.
func (s *Service) advanceLocked(ctx context.Context, j job) (*Execution, engine.Outcome, error) {
	x, doc, err := s.loadRunbook(ctx, j.scope, j.id)
	switch {
	case err != nil:
		return x, engine.Outcome{}, err
	case x.Rate != nil:
		// A parent re-reads its children even once it ended, so its
		// counters follow children that finish after a stop.
		err := s.advanceParent(ctx, x)
		return x, parentOutcome(x), err
	case x.Finished():
		return x, engine.Outcome{Kind: engine.Done}, nil
	}
	out, err := s.engine(ctx, x).Advance(ctx, x.Execution, doc)
	return x, out, err
}

// parentOutcome is Done for an ended parent; a running one waits for its
// children.
func parentOutcome(x *Execution) engine.Outcome {
	if x.Finished() {
		return engine.Outcome{Kind: engine.Done}
	}
	return engine.Outcome{Kind: engine.WaitSignal}
}

// load reads an execution.
func (s *Service) load(ctx context.Context, scope tenant.Scope, id string) (*Execution, error) {
	var x *Execution
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		var err error
		x, err = getExecution(tx, scope, id)
		return err
	})
	return x, err
}

// loadRunbook reads an execution and the runbook it runs.
func (s *Service) loadRunbook(ctx context.Context, scope tenant.Scope, id string) (*Execution,
	*automation.Document, error) {
	var x *Execution
	var doc *automation.Document
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		var err error
		if x, err = getExecution(tx, scope, id); err != nil {
			return err
		}
		doc, err = s.runbook(tx, x)
		return err
	})
	return x, doc, err
}

// Tick queues every execution whose wait is due at the clock's now. It
// reads the wake-up index only up to the first entry not yet due.
func (s *Service) Tick(ctx context.Context) error {
	now := s.p.Clock.Now()
	due, err := s.wakeups(ctx, func(e wakeEntry) bool { return e.due(now) })
	if err != nil {
		return err
	}
	for _, e := range due {
		s.enqueue(e.scope, e.id)
	}
	return nil
}

// Recover prepares every unfinished execution after a restart
// (engine.Recover: a step interrupted mid-action is retried or failed
// with a reason saying the process stopped; waits keep their deadlines)
// and queues it.
func (s *Service) Recover(ctx context.Context) error {
	entries, err := s.wakeups(ctx, func(wakeEntry) bool { return true })
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if err := s.recoverOne(ctx, e.scope, e.id); err != nil {
			errs = append(errs, fmt.Errorf("execution %s: %w", e.id, err))
			continue
		}
		s.enqueue(e.scope, e.id)
	}
	return errors.Join(errs...)
}

// recoverOne applies engine.Recover to one execution and saves it.
func (s *Service) recoverOne(ctx context.Context, scope tenant.Scope, id string) error {
	defer s.lock(id)()
	x, doc, err := s.loadRunbook(ctx, scope, id)
	if err != nil || x.Rate != nil {
		// A parent is re-evaluated from its children's stored states
		// when it is advanced.
		return err
	}
	changed, err := s.engine(ctx, x).Recover(x.Execution, doc)
	if err != nil || !changed {
		return err
	}
	return s.save(ctx, x)
}
