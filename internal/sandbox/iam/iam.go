package iam

import (
	"context"
	"crypto/rand"
	"log/slog"
	"time"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// GlobalRegion is the region name IAM records are stored under.
const GlobalRegion = "global"

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink receives the configuration items of roles, users and customer
	// managed policies (configitem.Discard when nil).
	Sink configitem.Sink
}

// Service manages the IAM sandbox.
type Service struct {
	store  store.Store
	clock  clock.Clock
	logger *slog.Logger
	sink   configitem.Sink
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
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger.With("component", "sandbox.iam"), sink: p.Sink}
}

// GlobalScope returns the scope IAM records of scope's account live in.
func GlobalScope(scope tenant.Scope) tenant.Scope {
	return tenant.Scope{AccountID: scope.AccountID, Region: GlobalRegion}
}

// txn is one call inside its store transaction.
type txn struct {
	tx store.Tx
	// scope is the caller's: configuration items are recorded into it.
	scope tenant.Scope
	// gs is the account's global scope, where the records live.
	gs   tenant.Scope
	now  time.Time
	sink configitem.Sink
	// recorded is set once a configuration item was recorded.
	recorded bool
}

// partition is the ARN partition of the caller's region.
func (t *txn) partition() string { return tenant.Partition(t.scope.Region) }

// arn builds an IAM ARN of the account: arn:aws:iam::ACCOUNT:resource.
func (t *txn) arn(resource string) string {
	return "arn:" + t.partition() + ":iam::" + t.scope.AccountID + ":" + resource
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
	return &txn{tx: tx, scope: scope, gs: GlobalScope(scope), now: s.clock.Now().UTC(), sink: s.sink}
}

// idAlphabet is what follows the four-letter prefix of IAM unique ids.
const idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// newID returns an IAM unique id: prefix (AROA, AIDA, ANPA, AGPA, AIPA)
// and 17 random uppercase letters and digits, like AWS's.
func newID(prefix string) string {
	b := make([]byte, 17)
	rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return prefix + string(b)
}
