package remediation

import (
	"log/slog"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
}

// AutomaticEnabledHook is the seam through which the orchestrator learns
// that a configuration became automatic (created with Automatic=true, or
// switched from manual to automatic). It runs inside the transaction of
// PutRemediationConfigurations, so work it records (queued executions of
// every NON_COMPLIANT resource of the rule) commits with the configuration
// or not at all. It must not call View or Update.
type AutomaticEnabledHook func(tx store.Tx, scope tenant.Scope, cfg *Configuration) error

// Service manages remediation configurations, exceptions and executions.
type Service struct {
	store  store.Store
	clock  clock.Clock
	logger *slog.Logger
	onAuto []AutomaticEnabledHook
	onWork []func()
}

// New returns a Service.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger}
}

// OnAutomaticEnabled registers a hook run for every configuration that
// becomes automatic. Register hooks while composing the server, before it
// serves requests.
func (s *Service) OnAutomaticEnabled(h AutomaticEnabledHook) { s.onAuto = append(s.onAuto, h) }

// OnWork registers a hook called after a commit that may let an
// execution start: executions queued or approved, a configuration put
// (it may lift the ErrorPercentage stop), an exception deleted. The
// orchestrator's Wake is the hook; it must not block.
func (s *Service) OnWork(h func()) { s.onWork = append(s.onWork, h) }

// work calls the OnWork hooks after a successful commit.
func (s *Service) work(err error) {
	if err != nil {
		return
	}
	for _, h := range s.onWork {
		h()
	}
}
