// Package rules holds Config rules, their evaluations and the compliance
// roll-ups computed from them.
package rules

import (
	"context"
	"log/slog"
	"time"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultMaxRules is the number of rules an account may have in a region
// (the figure of MaxNumberOfConfigRulesExceededException's text).
const DefaultMaxRules = 1000

// DeleteGuard vetoes deleting a rule inside the deleting transaction (the
// remediation package refuses while a remediation configuration is attached).
type DeleteGuard func(tx store.Tx, scope tenant.Scope, ruleName string) error

// EvaluationChange is one evaluation result recorded for a (rule,
// resource): a change of compliance, or a re-evaluation that confirmed it
// (Old == New; see Changed).
type EvaluationChange struct {
	Scope        tenant.Scope
	RuleName     string
	ResourceType string
	ResourceID   string
	// Old is the previous ComplianceType, "" if the rule had never
	// evaluated the resource.
	Old string
	// New is the ComplianceType now stored.
	New string
	// At is when the new result was recorded.
	At time.Time
	// ResourceARN is the resource's ARN when the reporter knew it, else "".
	ResourceARN string
}

// Changed reports whether the result changed the stored compliance.
func (c EvaluationChange) Changed() bool { return c.Old != c.New }

// EvaluationChangeHook observes recorded evaluation results. Hooks run after the
// transaction that stored the change has committed, on the caller's
// goroutine, in registration order: they must be quick and must not fail
// the call (a subscriber that needs durability records its own work).
type EvaluationChangeHook func(ctx context.Context, changes []EvaluationChange)

// EvaluationTxHook works inside the transaction that records evaluation
// results, so its writes commit with them or not at all. It returns what to
// run once that transaction has committed (nil: nothing). An error fails
// the whole recording. Hooks run on the store's writer: they must only
// read and write through tx, never call View or Update.
type EvaluationTxHook func(tx store.Tx, changes []EvaluationChange) (committed func(context.Context), err error)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// MaxRules caps the rules per account and region; 0 means DefaultMaxRules.
	MaxRules int
}

// Service manages Config rules and evaluations.
type Service struct {
	store    store.Store
	clock    clock.Clock
	logger   *slog.Logger
	maxRules int
	guards   []DeleteGuard
	hooks    []EvaluationChangeHook
	txHooks  []EvaluationTxHook
	// ruleHooks and ruleCommitted are the OnRuleEvent hooks.
	ruleHooks     []RuleHook
	ruleCommitted []func()
}

// New returns a Service.
func New(p Params) *Service {
	if p.MaxRules <= 0 {
		p.MaxRules = DefaultMaxRules
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger, maxRules: p.MaxRules}
}

// AddDeleteGuard registers a guard consulted by DeleteConfigRule. Register
// guards while composing the server, before it serves requests.
func (s *Service) AddDeleteGuard(g DeleteGuard) { s.guards = append(s.guards, g) }

// OnEvaluationChange registers a hook called after every committed
// evaluation result (a change of a (rule, resource) compliance or a
// re-evaluation confirming it; a result older than the stored one is not
// recorded and not reported). Register hooks while composing the server,
// before it serves requests.
func (s *Service) OnEvaluationChange(h EvaluationChangeHook) { s.hooks = append(s.hooks, h) }

// OnEvaluationChangeTx registers a hook that works inside the transaction
// recording evaluation results (the same results OnEvaluationChange
// reports). Register hooks while composing the server, before it serves
// requests.
func (s *Service) OnEvaluationChangeTx(h EvaluationTxHook) { s.txHooks = append(s.txHooks, h) }

// runTxHooks runs the in-transaction hooks over changes and returns their
// after-commit work.
func (s *Service) runTxHooks(tx store.Tx, changes []EvaluationChange) ([]func(context.Context), error) {
	if len(changes) == 0 {
		return nil, nil
	}
	var after []func(context.Context)
	for _, h := range s.txHooks {
		f, err := h(tx, changes)
		if err != nil {
			return nil, err
		}
		if f != nil {
			after = append(after, f)
		}
	}
	return after, nil
}

// notify runs the in-transaction hooks' after-commit work, then the change
// hooks; it is called after commit.
func (s *Service) notify(ctx context.Context, changes []EvaluationChange, after []func(context.Context)) {
	for _, f := range after {
		f(ctx)
	}
	if len(changes) == 0 {
		return
	}
	for _, h := range s.hooks {
		h(ctx, changes)
	}
}
