package evaluator

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
)

// DefaultTickInterval is how often Run looks for due periodic rules when
// nothing wakes it.
const DefaultTickInterval = time.Second

// batch bounds the changes or jobs one step handles.
const batch = 1024

// Params are the dependencies of a Service.
type Params struct {
	Store    store.Store
	Clock    clock.Clock
	Logger   *slog.Logger
	Rules    *rules.Service
	Recorder *recorder.Service
	// Caller reaches the account's services for account-level rules (the
	// sandbox in process, or a real endpoint).
	Caller engine.AWSCaller
	// TickInterval is how often Run ticks when nothing wakes it.
	TickInterval time.Duration
}

// Service evaluates managed rules.
type Service struct {
	p    Params
	wake chan struct{}
	// functions invokes custom rules' functions (nil: not invoked).
	functions Functions
}

// New returns a Service; it evaluates once Run runs or Tick is called.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.TickInterval <= 0 {
		p.TickInterval = DefaultTickInterval
	}
	return &Service{p: p, wake: make(chan struct{}, 1)}
}

// Wake asks Run to work now (a change was recorded, a job queued). It
// never blocks.
func (s *Service) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run works when woken and every TickInterval until ctx ends.
func (s *Service) Run(ctx context.Context) error {
	t := time.NewTicker(s.p.TickInterval)
	defer t.Stop()
	for {
		if _, err := s.Tick(ctx); err != nil && ctx.Err() == nil {
			s.p.Logger.Error("rule evaluation failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-s.wake:
		}
	}
}

// Tick does what is due at the clock's now: it schedules due periodic
// rules, evaluates recorded changes and runs queued rule jobs, until none
// is left. It reports whether it did anything.
func (s *Service) Tick(ctx context.Context) (bool, error) {
	did := false
	if err := s.scheduleDue(ctx); err != nil {
		return did, err
	}
	for {
		n, err := s.evaluateChanges(ctx)
		if err != nil {
			return did, err
		}
		m, err := s.runJobs(ctx)
		did = did || n+m > 0
		if err != nil || n+m == 0 {
			return did, err
		}
	}
}

// errSkip marks a rule that cannot be evaluated here (logged, not fatal).
var errSkip = errors.New("rule not evaluated")
