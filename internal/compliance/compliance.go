package compliance

import (
	"log/slog"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink receives the configuration items of managed instances' Patch
	// and Association compliance (configitem.Discard when nil).
	Sink configitem.Sink
}

// Service manages SSM compliance items.
type Service struct {
	store  store.Store
	clock  clock.Clock
	logger *slog.Logger
	sink   configitem.Sink
}

// New returns a Service.
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
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger, sink: p.Sink}
}
