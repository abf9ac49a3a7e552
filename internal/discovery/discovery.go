package discovery

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultInterval is how often Run polls when Params.Interval is 0.
const DefaultInterval = 60 * time.Second

// Params configure a discovery Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink records the items (the recorder). When it also reads current
	// items (CurrentItems, as recorder.Service does), the first pass of a
	// scope records the deletion of resources recorded before Salve
	// started and gone since.
	Sink configitem.Sink
	// Caller reaches the endpoint to discover (awscall.Remote).
	Caller engine.AWSCaller
	// Scopes are the account and region pairs to poll; the account's
	// global resources (IAM) are recorded in its first scope.
	Scopes []tenant.Scope
	// Interval is the time between passes of Run; 0 means DefaultInterval.
	Interval time.Duration
}

// currentReader reads the live items of a type (recorder.Service).
type currentReader interface {
	CurrentItems(tx store.Tx, scope tenant.Scope, resourceType string) ([]configitem.Item, error)
}

// listingKey names the resources of one type in one scope.
type listingKey struct {
	scope        tenant.Scope
	resourceType string
}

// Service polls an endpoint and records the configuration items of what
// it finds.
type Service struct {
	p Params
	// wake asks Run for a pass before the next tick.
	wake chan struct{}
	// mu serialises passes: they share the state below.
	mu sync.Mutex
	// known holds, per scope and type, the ids present at the last pass
	// that listed the type.
	known map[listingKey]map[string]bool
	// regions caches the region of each bucket (GetBucketLocation).
	regions map[string]string
	// problems holds the errors of the calls that failed in the last pass
	// and failed this one so far, so a failure that repeats is logged as a
	// warning once, not every pass.
	problems, failed map[string]string
}

// New returns a discovery Service.
func New(p Params) *Service {
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Interval <= 0 {
		p.Interval = DefaultInterval
	}
	return &Service{p: p, wake: make(chan struct{}, 1), known: map[listingKey]map[string]bool{},
		regions: map[string]string{}, problems: map[string]string{}, failed: map[string]string{}}
}

// Run polls at once, then every Interval and whenever woken, until ctx
// ends. A pass that fails is logged; Run returns nil when ctx ends.
func (s *Service) Run(ctx context.Context) error {
	t := time.NewTicker(s.p.Interval)
	defer t.Stop()
	for {
		if err := s.Poll(ctx); err != nil && ctx.Err() == nil {
			s.p.Logger.Error("discovery pass failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-s.wake:
		}
	}
}

// Wake asks Run for a pass now (after a remediation changed a resource at
// the endpoint, say) rather than at the next tick; it never blocks.
func (s *Service) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Poll runs one full pass over every scope. Failed calls to the endpoint
// are logged and skipped; the error reports what could not be recorded
// (a store failure) or ctx's end.
func (s *Service) Poll(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := s.p.Clock.Now()
	s.failed = map[string]string{}
	defer func() { s.problems = s.failed }()
	globalDone := map[string]bool{}
	var errs []error
	committed := false
	for _, scope := range s.p.Scopes {
		sc := s.scan(ctx, scope, !globalDone[scope.AccountID])
		globalDone[scope.AccountID] = true
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.commit(ctx, sc); err != nil {
			errs = append(errs, fmt.Errorf("record the resources of %s in %s: %w", scope.AccountID, scope.Region, err))
			continue
		}
		committed = true
	}
	if committed {
		s.p.Sink.Changed()
	}
	s.p.Logger.Debug("discovery pass done", "scopes", len(s.p.Scopes), "duration", s.p.Clock.Now().Sub(start))
	return errors.Join(errs...)
}
