// Package documents holds SSM documents: versions, content, hashes, and
// Salve's read-only runbook library owned by Amazon.
package documents

import (
	"log/slog"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
}

// Service manages SSM documents.
type Service struct {
	store  store.Store
	clock  clock.Clock
	logger *slog.Logger
}

// New returns a Service.
func New(p Params) *Service {
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger}
}
