package orchestrator

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultTickInterval is how often Run ticks when Params leave it out.
const DefaultTickInterval = 100 * time.Millisecond

// Automation starts and reads SSM Automation executions (a
// *runbooks.Service).
type Automation interface {
	Start(ctx context.Context, p runbooks.StartParams) (string, error)
	Get(ctx context.Context, scope tenant.Scope, id string) (*runbooks.Execution, error)
}

// Params are the dependencies of an Orchestrator.
type Params struct {
	Store       store.Store
	Clock       clock.Clock
	Logger      *slog.Logger
	Remediation *remediation.Service
	Automation  Automation
	// TickInterval is how often Run ticks (wall-clock time).
	TickInterval time.Duration
}

// Orchestrator runs remediation executions.
type Orchestrator struct {
	p Params
	// mu serialises Tick, so Run and a test's Tick never admit twice; it
	// also guards onSucceeded.
	mu          sync.Mutex
	onSucceeded []SucceededHook
}

// New returns an Orchestrator; it acts once Run runs or Tick is called.
func New(p Params) *Orchestrator {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.TickInterval <= 0 {
		p.TickInterval = DefaultTickInterval
	}
	return &Orchestrator{p: p}
}

// Run ticks every TickInterval until ctx ends. Work left by a previous
// process is found by the first tick.
func (o *Orchestrator) Run(ctx context.Context) error {
	t := time.NewTicker(o.p.TickInterval)
	defer t.Stop()
	for {
		if _, err := o.Tick(ctx); err != nil && ctx.Err() == nil {
			o.p.Logger.Error("remediation tick failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Tick does what is due at the clock's now: it records the end of
// finished Automation executions, releases lapsed exceptions, and starts
// queued executions the SsmControls admit. It reports whether anything
// changed.
func (o *Orchestrator) Tick(ctx context.Context) (bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	settled, err := o.settle(ctx)
	if err != nil {
		return settled, err
	}
	released, err := o.releaseExpired(ctx)
	if err != nil {
		return settled || released, err
	}
	started, err := o.admit(ctx)
	return settled || released || started, err
}
