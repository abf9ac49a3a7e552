package events

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

// Defaults of Params.
const (
	// DefaultMaxRules is EventBridge's default quota of rules per event bus.
	DefaultMaxRules = 300
	// DefaultMaxBuses is EventBridge's default quota of custom event buses
	// per account and region.
	DefaultMaxBuses = 100
	// DefaultTickInterval is how often Run looks for due deliveries when
	// nothing wakes it.
	DefaultTickInterval = time.Second
	// DefaultDeliveryTimeout bounds one Lambda or SNS delivery attempt.
	DefaultDeliveryTimeout = time.Minute
	// DefaultHTTPTimeout is the timeout handed to the HTTP worker for an
	// http(s) target (EventBridge API destinations give up after 5 s).
	DefaultHTTPTimeout = 5 * time.Second
	// DefaultWorkers is how many deliveries Tick attempts at once.
	DefaultWorkers = 4
)

// Functions invokes Lambda-style functions (the Lambda service of Salve).
// An error means the delivery failed and is retried.
type Functions interface {
	Invoke(ctx context.Context, scope tenant.Scope, functionName string, payload []byte) error
}

// SNS publishes to SNS topics (the SNS sandbox). An error means the
// delivery failed and is retried.
type SNS interface {
	Publish(ctx context.Context, scope tenant.Scope, topicArn, message, subject string) error
}

// HTTP queues an HTTP POST with the durable HTTP delivery worker, inside
// the caller's transaction (so the delivery commits with the event or not
// at all); the worker retries and keeps dead letters. If it also has a
// Wake() method, it is called after a transaction that queued requests
// committed.
type HTTP interface {
	Enqueue(tx store.Tx, d HTTPDelivery) error
}

// HTTPDelivery is one HTTP POST to an http(s) target.
type HTTPDelivery struct {
	// Scope is the account and region of the rule that matched.
	Scope tenant.Scope
	URL   string
	Body  []byte
	// Headers always carry Content-Type: application/json and the rule's
	// ARN in X-Salve-Rule-Arn, plus the target's HttpParameters headers.
	Headers map[string]string
	Timeout time.Duration
	// MaxRetries and MaxAge are the target's RetryPolicy.
	MaxRetries int
	MaxAge     time.Duration
	// EventID is the matched event's id (for logs and dead letters).
	EventID string
}

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink receives AWS::Events::Rule and AWS::Events::EventBus
	// configuration items (configitem.Discard when nil).
	Sink configitem.Sink
	// Functions, SNS and HTTP deliver to the targets of their kind; a
	// target of a kind whose deliverer is nil is refused by PutTargets.
	Functions Functions
	SNS       SNS
	HTTP      HTTP
	// MaxRules caps the rules per event bus (DefaultMaxRules when 0).
	MaxRules int
	// MaxBuses caps the custom event buses per scope (DefaultMaxBuses when 0).
	MaxBuses int
	// TickInterval is how often Run ticks when nothing wakes it.
	TickInterval time.Duration
	// DeliveryTimeout bounds one Lambda or SNS delivery attempt.
	DeliveryTimeout time.Duration
	// HTTPTimeout is the timeout of HTTP deliveries.
	HTTPTimeout time.Duration
	// Workers is how many deliveries are attempted at once.
	Workers int
}

// Service is the event bus.
type Service struct {
	p        Params
	logger   *slog.Logger
	sink     configitem.Sink
	wake     chan struct{}
	patterns *patternCache
	rules    ruleCache
	// tickMu lets one Tick run at a time in this process.
	tickMu sync.Mutex
}

// New returns a Service; deliveries are worked once Run runs or Tick is
// called.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	s := &Service{logger: p.Logger.With("component", "events"), sink: p.Sink,
		wake: make(chan struct{}, 1), patterns: newPatternCache(4096), rules: ruleCache{sets: map[busKey]*ruleSet{}}}
	if s.sink == nil {
		s.sink = configitem.Discard{}
	}
	s.p = withDefaults(p)
	return s
}

func withDefaults(p Params) Params {
	if p.MaxRules <= 0 {
		p.MaxRules = DefaultMaxRules
	}
	if p.MaxBuses <= 0 {
		p.MaxBuses = DefaultMaxBuses
	}
	if p.TickInterval <= 0 {
		p.TickInterval = DefaultTickInterval
	}
	if p.DeliveryTimeout <= 0 {
		p.DeliveryTimeout = DefaultDeliveryTimeout
	}
	if p.HTTPTimeout <= 0 {
		p.HTTPTimeout = DefaultHTTPTimeout
	}
	if p.Workers <= 0 {
		p.Workers = DefaultWorkers
	}
	return p
}

// Wake asks Run to look for due deliveries now. It never blocks.
func (s *Service) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// now is the clock's time in UTC.
func (s *Service) now() time.Time { return s.p.Clock.Now().UTC() }
