package sns

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/delivery"
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
	// MaxOutbox caps the e-mails kept in each scope's outbox; 0 means
	// DefaultMaxOutbox.
	MaxOutbox int
	// Endpoint is Salve's URL: the SubscribeURL and UnsubscribeURL of the
	// messages sent point at it; "" means DefaultEndpoint.
	Endpoint string
	// Deliveries POSTs the messages of http and https subscriptions; nil
	// records them only (as delivery records of their topic).
	Deliveries Deliverer
	// Functions invokes the functions of lambda subscriptions; nil records
	// the messages only.
	Functions Functions
}

// DefaultEndpoint is Salve's default listen address, used in the URLs of
// messages when Params.Endpoint is not set.
const DefaultEndpoint = "http://127.0.0.1:4580"

// Deliverer queues durable HTTP POSTs (internal/delivery's Service).
type Deliverer interface {
	// Enqueue queues d inside tx; it is POSTed after the commit.
	Enqueue(tx store.Tx, d delivery.Delivery) (string, error)
	// Wake asks for queued deliveries to be sent now.
	Wake()
}

// Functions invokes Lambda-style functions (the seam for lambda
// subscriptions).
type Functions interface {
	// InvokeAsync queues an asynchronous (Event) invocation of the
	// function with payload inside tx; it runs after the commit.
	InvokeAsync(tx store.Tx, scope tenant.Scope, functionARN string, payload []byte) error
	// Wake asks for queued invocations to run now.
	Wake()
}

// Service manages the SNS sandbox.
type Service struct {
	store         store.Store
	clock         clock.Clock
	logger        *slog.Logger
	sink          configitem.Sink
	maxDeliveries int
	maxOutbox     int
	endpoint      string
	deliveries    Deliverer
	functions     Functions
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
	if p.MaxOutbox <= 0 {
		p.MaxOutbox = DefaultMaxOutbox
	}
	if p.Endpoint == "" {
		p.Endpoint = DefaultEndpoint
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger.With("component", "sandbox.sns"),
		sink: p.Sink, maxDeliveries: p.MaxDeliveries, maxOutbox: p.MaxOutbox,
		endpoint: strings.TrimSuffix(p.Endpoint, "/"), deliveries: p.Deliveries, functions: p.Functions}
}

// txn is one call inside its store transaction.
type txn struct {
	tx    store.Tx
	scope tenant.Scope
	now   time.Time
	sink  configitem.Sink
	svc   *Service
	// recorded is set once a configuration item was recorded.
	recorded bool
	// sent is set once a message was queued for delivery or invocation.
	sent bool
}

// update runs fn in one write transaction and wakes the sink after the
// commit when fn recorded a configuration item.
func (s *Service) update(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	recorded, sent := false, false
	err := s.store.Update(ctx, func(tx store.Tx) error {
		t := s.newTxn(tx, scope)
		err := fn(t)
		recorded, sent = t.recorded, t.sent
		return err
	})
	if err == nil && recorded {
		s.sink.Changed()
	}
	if err == nil && sent {
		s.Wake()
	}
	return err
}

// Wake asks the delivery workers and the function runner to send what
// was queued; call it after the commit of a transaction that called
// PublishTx.
func (s *Service) Wake() {
	if s.deliveries != nil {
		s.deliveries.Wake()
	}
	if s.functions != nil {
		s.functions.Wake()
	}
}

// view runs fn in a read-only transaction.
func (s *Service) view(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	return s.store.View(ctx, func(tx store.Tx) error { return fn(s.newTxn(tx, scope)) })
}

func (s *Service) newTxn(tx store.Tx, scope tenant.Scope) *txn {
	return &txn{tx: tx, scope: scope, now: s.clock.Now().UTC(), sink: s.sink, svc: s}
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
