package functions

import (
	"log/slog"
	"time"

	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// Store buckets: per scope (tenant.Scope.Bucket) for functions and their
// code, global for the asynchronous invocations.
const (
	functionKind = "lambda-functions"
	codeKind     = "lambda-code"
	asyncBucket  = "lambda-async"
)

// Defaults and limits, from Lambda's documentation.
const (
	// DefaultTimeout is a function's timeout when CreateFunction sets none.
	DefaultTimeout = 3
	// MaxTimeout is the largest timeout, in seconds.
	MaxTimeout = 900
	// DefaultMemorySize is a function's memory when none is set, in MB.
	DefaultMemorySize = 128
	// MaxMemorySize is the most memory a function may have, in MB.
	MaxMemorySize = 10240
	// MaxZipSize is the largest .zip uploaded directly (ZipFile).
	MaxZipSize = 50 * 1024 * 1024
	// MaxUnzippedSize is the largest unzipped code.
	MaxUnzippedSize = 262144000
	// MaxEnvironmentSize caps the JSON of the environment variables.
	MaxEnvironmentSize = 4096
	// MaxSyncPayload is the largest event of a synchronous invocation.
	MaxSyncPayload = 6291456
	// MaxAsyncPayload is the largest event of an asynchronous invocation.
	MaxAsyncPayload = 1048576
	// MaxTags is how many tags a function may have.
	MaxTags = 50
	// DefaultWorkers bounds the asynchronous invocations run at once.
	DefaultWorkers = 4
	// DefaultTickInterval is how often Run looks for due asynchronous
	// invocations when nothing wakes it.
	DefaultTickInterval = time.Second
)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink receives the functions' configuration items; nil records none.
	Sink configitem.Sink
	// Runner runs the functions' code (its Endpoint is Salve's URL, so
	// boto3 in a handler calls back here). Nil leaves functions stored
	// but not invocable: Invoke answers ServiceException.
	Runner *script.Runner
	// Workers bounds the asynchronous invocations Run runs at once.
	Workers int
	// TickInterval is how often Run looks for due asynchronous
	// invocations when nothing wakes it.
	TickInterval time.Duration
}

// Service stores and invokes functions. It is safe for concurrent use.
type Service struct {
	p    Params
	wake chan struct{}
}

// New returns a Service; asynchronous invocations run once Run runs or
// Tick is called.
func New(p Params) *Service {
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Sink == nil {
		p.Sink = configitem.Discard{}
	}
	if p.Workers <= 0 {
		p.Workers = DefaultWorkers
	}
	if p.TickInterval <= 0 {
		p.TickInterval = DefaultTickInterval
	}
	return &Service{p: p, wake: make(chan struct{}, 1)}
}
