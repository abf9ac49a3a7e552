package runbooks

import (
	"context"
	"hash/fnv"
	"log/slog"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/automation/action"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Defaults of Params.
const (
	DefaultWorkers      = 8
	DefaultTickInterval = time.Second
)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Caller reaches AWS for aws:executeAwsApi and friends; nil fails
	// such steps with "no AWS caller is configured".
	Caller engine.AWSCaller
	// Functions runs Lambda-style handlers for aws:invokeLambdaFunction;
	// nil fails such steps with a clear reason.
	Functions engine.FunctionInvoker
	// Registry holds the actions runbooks may use; nil registers every
	// action of package action.
	Registry *engine.Registry
	// Workers bounds how many executions advance at once.
	Workers int
	// TickInterval is how often Run looks for waits that are due.
	TickInterval time.Duration
	// NewID returns new execution ids; nil uses random UUIDs.
	NewID func() string
}

// Service hosts automation executions.
type Service struct {
	p        Params
	locks    [64]sync.Mutex
	queue    *queue
	runbooks *runbookCache
	// onFinished are the OnFinished hooks, fixed before Run.
	onFinished []func(tenant.Scope, string)
	// onStarted are the OnStarted hooks, fixed before Run.
	onStarted []func(tenant.Scope, string)
}

// New returns a Service. It accepts starts at once; executions advance
// once Run is running.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Registry == nil {
		p.Registry = engine.NewRegistry()
		action.Register(p.Registry)
	}
	if p.Workers <= 0 {
		p.Workers = DefaultWorkers
	}
	if p.TickInterval <= 0 {
		p.TickInterval = DefaultTickInterval
	}
	return &Service{p: p, queue: newQueue(), runbooks: newRunbookCache(DefaultRunbookCache)}
}

// job names one execution to advance.
type job struct {
	scope tenant.Scope
	id    string
}

// lock takes the per-execution lock of id and returns its release.
func (s *Service) lock(id string) func() {
	h := fnv.New32a()
	h.Write([]byte(id))
	m := &s.locks[h.Sum32()%uint32(len(s.locks))]
	m.Lock()
	return m.Unlock
}

// engine returns an engine that persists x and starts its children in
// x's scope.
func (s *Service) engine(ctx context.Context, x *Execution) *engine.Engine {
	return engine.New(engine.Params{
		Clock:     s.p.Clock,
		Registry:  s.p.Registry,
		Caller:    s.p.Caller,
		Functions: s.p.Functions,
		Children:  &children{s: s, parent: x},
		Persist:   func(*engine.Execution) error { return s.save(ctx, x) },
	})
}
