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

// Defaults of Params.
const (
	// DefaultTickInterval is how often Run ticks when nothing wakes it.
	DefaultTickInterval = time.Second
)

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
	// TickInterval is how often Run ticks (wall-clock time) when nothing
	// wakes it. Every enqueue and every end of an Automation execution
	// wakes Run at once (Wake, AutomationFinished); the interval bounds
	// how late a lapsed exception is released and how late anything a
	// wake missed is found.
	TickInterval time.Duration
}

// Orchestrator runs remediation executions.
type Orchestrator struct {
	p Params
	// mu serialises Tick, so Run and a test's Tick never admit twice; it
	// also guards onSucceeded.
	mu          sync.Mutex
	onSucceeded []SucceededHook
	onStatus    []StatusHook
	// wake carries Wake's requests to Run; one pending request stands
	// for any number.
	wake chan struct{}
	// finished holds the Automation executions reported ended since the
	// last tick, for a woken tick to settle without reading the others.
	finishedMu sync.Mutex
	finished   map[string]bool
	// running maps the Automation execution id of every IN_PROGRESS
	// execution this process started or found to its index entry, so a
	// woken tick settles an ended one without scanning the index. It is
	// only a shortcut: a whole tick reads the index.
	runningMu sync.Mutex
	running   map[string]remediation.RunningEntry
}

// New returns an Orchestrator; it acts once Run runs or Tick is called.
func New(p Params) *Orchestrator {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.TickInterval <= 0 {
		p.TickInterval = DefaultTickInterval
	}
	return &Orchestrator{p: p, wake: make(chan struct{}, 1), finished: map[string]bool{},
		running: map[string]remediation.RunningEntry{}}
}

// Wake asks Run to tick now: something was queued or approved. It never
// blocks; requests made while a tick runs fold into one more tick.
func (o *Orchestrator) Wake() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// AutomationFinished reports that an Automation execution ended (the
// runbooks service's finish hook) and wakes Run to record it.
func (o *Orchestrator) AutomationFinished(_ tenant.Scope, automationExecutionID string) {
	o.finishedMu.Lock()
	o.finished[automationExecutionID] = true
	o.finishedMu.Unlock()
	o.Wake()
}

// Run ticks when woken and every TickInterval until ctx ends. The
// interval's ticks are whole (Tick); a woken tick settles only the
// Automation executions reported finished. Work left by a previous
// process is found by the first tick.
func (o *Orchestrator) Run(ctx context.Context) error {
	t := time.NewTicker(o.p.TickInterval)
	defer t.Stop()
	whole := true
	for {
		if _, err := o.tick(ctx, whole); err != nil && ctx.Err() == nil {
			o.p.Logger.Error("remediation tick failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			whole = true
		case <-o.wake:
			whole = false
		}
	}
}

// Tick does what is due at the clock's now: it records the end of
// finished Automation executions, releases lapsed exceptions, and starts
// queued executions the SsmControls admit. It reports whether anything
// changed.
func (o *Orchestrator) Tick(ctx context.Context) (bool, error) { return o.tick(ctx, true) }

// tick is Tick; unless whole, it settles only the executions reported
// finished.
func (o *Orchestrator) tick(ctx context.Context, whole bool) (bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	settled, err := o.settle(ctx, o.takeFinished(whole))
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

// takeFinished empties the finished set and returns what a tick settles:
// nil for every running execution (a whole tick), else the set.
func (o *Orchestrator) takeFinished(whole bool) map[string]bool {
	o.finishedMu.Lock()
	defer o.finishedMu.Unlock()
	f := o.finished
	o.finished = map[string]bool{}
	if whole {
		return nil
	}
	return f
}
