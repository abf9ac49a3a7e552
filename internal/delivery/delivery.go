package delivery

import (
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Defaults of a Delivery's limits and of Params.
const (
	DefaultTimeout       = 5 * time.Second
	DefaultMaxAttempts   = 10
	DefaultMaxAge        = 24 * time.Hour
	DefaultWorkers       = 4
	DefaultBaseDelay     = time.Second
	DefaultMaxDelay      = 5 * time.Minute
	DefaultTickInterval  = time.Second
	DefaultLeaseSlack    = 30 * time.Second
	DefaultKeepDelivered = 1000
	DefaultKeepDead      = 10000
)

// Bounds Enqueue enforces.
const (
	// MaxTimeout bounds a delivery's Timeout.
	MaxTimeout = 5 * time.Minute
	// MaxMaxAttempts bounds MaxAttempts: EventBridge's first attempt and
	// its at most 185 retries.
	MaxMaxAttempts = 186
	// MaxBodyBytes bounds a delivery's body.
	MaxBodyBytes = 1 << 20
)

// States of a Record.
const (
	StatePending   = "PENDING"
	StateDelivered = "DELIVERED"
	StateDead      = "DEAD"
)

// Delivery is one HTTP POST to make.
type Delivery struct {
	// Scope owns the delivery (its records live in the scope's buckets).
	Scope tenant.Scope
	// Kind says who asked for it: "events-target", "sns-http", …
	Kind    string
	URL     string
	Headers map[string]string
	Body    []byte
	// Timeout cuts an attempt that has no answer; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxAttempts caps the attempts; 0 means DefaultMaxAttempts.
	MaxAttempts int
	// MaxAge is how long after Enqueue the delivery is still attempted;
	// 0 means DefaultMaxAge.
	MaxAge time.Duration
}

// Record is a delivery as stored: pending, delivered or dead.
type Record struct {
	ID          string            `json:"id"`
	Scope       tenant.Scope      `json:"scope"`
	Kind        string            `json:"kind"`
	URL         string            `json:"url"`
	Headers     map[string]string `json:"headers,omitempty"`
	Body        []byte            `json:"body,omitempty"`
	TimeoutMS   int64             `json:"timeoutMs"`
	MaxAttempts int               `json:"maxAttempts"`
	MaxAgeMS    int64             `json:"maxAgeMs"`
	State       string            `json:"state"`
	CreatedAt   time.Time         `json:"createdAt"`
	// NextAttemptAt is when a pending delivery is due (or when its claim
	// runs out while an attempt is under way).
	NextAttemptAt time.Time `json:"nextAttemptAt,omitzero"`
	// Lease is set while a worker holds the delivery.
	Lease    string    `json:"lease,omitempty"`
	Attempts []Attempt `json:"attempts,omitempty"`
	// Redriven is how many of Attempts were made before the last Redrive
	// (MaxAttempts counts the attempts after it).
	Redriven int `json:"redriven,omitempty"`
	// FinishedAt is when it was delivered or given up.
	FinishedAt time.Time `json:"finishedAt,omitzero"`
	// LastStatus and LastError describe the last attempt (0 and "" after a
	// success).
	LastStatus int    `json:"lastStatus,omitempty"`
	LastError  string `json:"lastError,omitempty"`
}

// Timeout returns the record's per-attempt timeout.
func (r *Record) Timeout() time.Duration { return time.Duration(r.TimeoutMS) * time.Millisecond }

// MaxAge returns how long after creation the record is attempted.
func (r *Record) MaxAge() time.Duration { return time.Duration(r.MaxAgeMS) * time.Millisecond }

// Deadline is the last time the delivery is attempted.
func (r *Record) Deadline() time.Time { return r.CreatedAt.Add(r.MaxAge()) }

// Attempt is one POST of a delivery.
type Attempt struct {
	At time.Time `json:"at"`
	// DurationMS is how long the POST took (wall clock).
	DurationMS int64 `json:"durationMs"`
	// Status is the HTTP status, 0 when there was no answer.
	Status int `json:"status,omitempty"`
	// Error says why the attempt failed ("" when it succeeded).
	Error string `json:"error,omitempty"`
}

// Params are the dependencies and settings of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Client makes the POSTs; nil means a client that follows no redirect
	// (a 3xx answer is a failed attempt, as for AWS's deliveries).
	Client *http.Client
	// Workers bounds the POSTs under way at once; 0 means DefaultWorkers.
	Workers int
	// BaseDelay and MaxDelay shape the backoff: the n-th retry waits
	// between half and all of min(BaseDelay·2^(n-1), MaxDelay). 0 means
	// DefaultBaseDelay and DefaultMaxDelay.
	BaseDelay, MaxDelay time.Duration
	// TickInterval is how often (wall clock) Run looks for due deliveries
	// when nothing wakes it; 0 means DefaultTickInterval.
	TickInterval time.Duration
	// LeaseSlack is added to a delivery's Timeout to make its claim; 0
	// means DefaultLeaseSlack.
	LeaseSlack time.Duration
	// KeepDelivered and KeepDead cap the delivered and dead records kept
	// per scope (the oldest go first); 0 means the defaults.
	KeepDelivered, KeepDead int
}

// Service delivers.
type Service struct {
	p      Params
	client *http.Client
	sem    chan struct{}
	wake   chan struct{}

	mu       sync.Mutex
	inflight map[string]bool
}

// New returns a Service.
func New(p Params) *Service {
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	p.Logger = p.Logger.With("component", "delivery")
	defaults(&p)
	client := p.Client
	if client == nil {
		client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	return &Service{p: p, client: client, sem: make(chan struct{}, p.Workers), wake: make(chan struct{}, 1),
		inflight: map[string]bool{}}
}

func defaults(p *Params) {
	orDefault(&p.Workers, DefaultWorkers)
	orDefault(&p.KeepDelivered, DefaultKeepDelivered)
	orDefault(&p.KeepDead, DefaultKeepDead)
	orDefault(&p.BaseDelay, DefaultBaseDelay)
	orDefault(&p.MaxDelay, DefaultMaxDelay)
	orDefault(&p.TickInterval, DefaultTickInterval)
	orDefault(&p.LeaseSlack, DefaultLeaseSlack)
}

func orDefault[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// Wake asks Run to look for due deliveries now (call it after the
// transaction that enqueued commits). It never blocks.
func (s *Service) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}
