package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DeleteTrail deletes a trail (by name or ARN); it must be called from the
// trail's home region. Deleting a multi-region trail removes its shadows.
func (s *Service) DeleteTrail(ctx context.Context, scope tenant.Scope, ref string) error {
	err := s.store.Update(ctx, func(tx store.Tx) error {
		t, err := resolveHome(tx, scope, ref)
		if err != nil {
			return err
		}
		if err := deleteTrail(tx, t); err != nil {
			return err
		}
		return s.sink.Record(tx, scope, item(t, configitem.StatusResourceDeleted, s.clock.Now().UTC()))
	})
	if err != nil {
		return err
	}
	s.sink.Changed()
	return nil
}
