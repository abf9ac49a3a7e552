package sns

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultMaxDeliveries is how many delivery records a topic keeps; older
// ones are dropped as new messages are published.
const DefaultMaxDeliveries = 10000

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink receives the topics' configuration items (configitem.Discard
	// when nil).
	Sink configitem.Sink
	// MaxDeliveries caps the delivery records kept per topic; 0 means
	// DefaultMaxDeliveries.
	MaxDeliveries int
}

// Service manages the SNS sandbox.
type Service struct {
	store         store.Store
	clock         clock.Clock
	logger        *slog.Logger
	sink          configitem.Sink
	maxDeliveries int
}

// New returns a Service.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Sink == nil {
		p.Sink = configitem.Discard{}
	}
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	if p.MaxDeliveries <= 0 {
		p.MaxDeliveries = DefaultMaxDeliveries
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger.With("component", "sandbox.sns"),
		sink: p.Sink, maxDeliveries: p.MaxDeliveries}
}

// txn is one call inside its store transaction.
type txn struct {
	tx    store.Tx
	scope tenant.Scope
	now   time.Time
	sink  configitem.Sink
	// recorded is set once a configuration item was recorded.
	recorded bool
}

// update runs fn in one write transaction and wakes the sink after the
// commit when fn recorded a configuration item.
func (s *Service) update(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	recorded := false
	err := s.store.Update(ctx, func(tx store.Tx) error {
		t := s.newTxn(tx, scope)
		err := fn(t)
		recorded = t.recorded
		return err
	})
	if err == nil && recorded {
		s.sink.Changed()
	}
	return err
}

// view runs fn in a read-only transaction.
func (s *Service) view(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	return s.store.View(ctx, func(tx store.Tx) error { return fn(s.newTxn(tx, scope)) })
}

func (s *Service) newTxn(tx store.Tx, scope tenant.Scope) *txn {
	return &txn{tx: tx, scope: scope, now: s.clock.Now().UTC(), sink: s.sink}
}

// record hands one configuration item to the sink.
func (t *txn) record(it *configitem.Item) error {
	it.CaptureTime = t.now
	if err := t.sink.Record(t.tx, t.scope, it); err != nil {
		return fmt.Errorf("record %s %s: %w", it.ResourceType, it.ResourceID, err)
	}
	t.recorded = true
	return nil
}
