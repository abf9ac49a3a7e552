package audit

import (
	"context"
	"log/slog"
	"net/url"
	"sync"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Recorder is what the audit trail reads of the Config recorder: a
// resource's newest items (History, newest first) and the ids of the
// resources of a name (ListDiscovered). *recorder.Service implements it.
type Recorder interface {
	History(tx store.Tx, scope tenant.Scope, resourceType, resourceID string, limit int) ([]configitem.Item, error)
	ListDiscovered(ctx context.Context, scope tenant.Scope, p recorder.ListParams) (*recorder.ResourcePage, error)
}

// RESTNamer names the operation of a REST request of one service ("" when
// it is none), for REST services other than S3 (which the audit trail
// names itself).
type RESTNamer func(method, path string, query url.Values) string

// Params configure a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Recorder, when set, gives events the configuration before and after
	// the call of the sandbox resources they change.
	Recorder Recorder
	// BucketScope, when set, says where an S3 bucket's configuration items
	// are recorded (its owner and region); without it, or for an unknown
	// bucket, the caller's scope is assumed.
	BucketScope func(ctx context.Context, bucket string) (tenant.Scope, bool)
	// RESTNamers name the operations of REST services other than S3, by
	// signing name. A REST request without a namer is recorded as
	// "METHOD /path" (GET and HEAD count as reads).
	RESTNamers map[string]RESTNamer
}

// Service records the audit trail and looks it up.
type Service struct {
	p      Params
	logger *slog.Logger

	// mu guards attributed: per resource, the last configuration item an
	// event took as its "after", so that a later call that recorded
	// nothing new is not credited with it (capture times can be equal
	// under a clock that stands still).
	mu         sync.Mutex
	attributed map[string]string
}

// New returns the audit trail over p.Store.
func New(p Params) *Service {
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	logger := p.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Service{p: p, logger: logger, attributed: map[string]string{}}
}

// UseRESTNamers adds operation namers of REST services (composed after
// the audit service). Call it while composing the server, before serving.
func (s *Service) UseRESTNamers(namers map[string]RESTNamer) {
	if s.p.RESTNamers == nil {
		s.p.RESTNamers = map[string]RESTNamer{}
	}
	for k, v := range namers {
		s.p.RESTNamers[k] = v
	}
}
