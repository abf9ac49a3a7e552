package ec2

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink receives the configuration items of changed resources; nil
	// records nothing.
	Sink configitem.Sink
}

// Service manages the EC2 resources of every tenant scope.
type Service struct {
	store  store.Store
	clock  clock.Clock
	logger *slog.Logger
	sink   configitem.Sink
	// ready holds the scopes whose default VPC is known to have been made.
	ready sync.Map
}

// New returns a Service.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Sink == nil {
		p.Sink = configitem.Discard{}
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger.With("component", "ec2"), sink: p.Sink}
}

// txn is one transaction on one scope.
type txn struct {
	tx    store.Tx
	scope tenant.Scope
	now   time.Time
	sink  configitem.Sink
	// recorded counts the configuration items reported.
	recorded int
}

// update runs fn in one read-write transaction on scope, after making the
// scope's default VPC if it has none yet, and tells the sink once after
// the commit when items were recorded.
func (s *Service) update(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	var t *txn
	err := s.store.Update(ctx, func(tx store.Tx) error {
		t = &txn{tx: tx, scope: scope, now: s.clock.Now().UTC(), sink: s.sink}
		if _, ok := s.ready.Load(scope); !ok {
			if err := t.ensureDefaults(); err != nil {
				return err
			}
		}
		return fn(t)
	})
	if err != nil {
		return err
	}
	s.ready.Store(scope, true)
	if t.recorded > 0 {
		s.sink.Changed()
	}
	return nil
}

// view runs fn in a read-only transaction on scope (making the scope's
// defaults first, in a transaction of their own, the first time).
func (s *Service) view(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	if _, ok := s.ready.Load(scope); !ok {
		if err := s.update(ctx, scope, func(*txn) error { return nil }); err != nil {
			return err
		}
	}
	return s.store.View(ctx, func(tx store.Tx) error {
		return fn(&txn{tx: tx, scope: scope, now: s.clock.Now().UTC(), sink: configitem.Discard{}})
	})
}

// record reports a configuration item inside the transaction.
func (t *txn) record(it *configitem.Item) error {
	t.recorded++
	return t.sink.Record(t.tx, t.scope, it)
}
