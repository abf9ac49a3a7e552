package cloudtrail

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// UpdateTrailParams are UpdateTrail's members: Name is the trail's name or
// ARN.
type UpdateTrailParams struct {
	Name string
	Settings
}

// UpdateTrail changes a trail's settings; it must be called from the
// trail's home region.
func (s *Service) UpdateTrail(ctx context.Context, scope tenant.Scope, p UpdateTrailParams) (*Trail, error) {
	// First a read: unknown trails and invalid settings are answered before
	// the bucket and topic are looked up, which cannot happen in a write.
	var before, after *Trail
	err := s.store.View(ctx, func(tx store.Tx) (err error) {
		before, after, err = updated(tx, scope, p)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := s.checkDependencies(ctx, before, after); err != nil {
		return nil, err
	}
	var recorded bool
	err = s.store.Update(ctx, func(tx store.Tx) error {
		before, after, err = updated(tx, scope, p)
		if err != nil {
			return err
		}
		if after.IsMultiRegionTrail && !before.IsMultiRegionTrail {
			if err := s.checkRoom(tx, after, true); err != nil {
				return err
			}
		}
		if err := saveTrail(tx, after); err != nil {
			return err
		}
		recorded, err = s.recordChange(tx, before, after, s.clock.Now().UTC())
		return err
	})
	if err != nil {
		return nil, err
	}
	if recorded {
		s.sink.Changed()
	}
	return after, nil
}

// updated loads the trail p names and returns it before and after p.
func updated(tx store.Tx, scope tenant.Scope, p UpdateTrailParams) (before, after *Trail, err error) {
	before, err = resolveHome(tx, scope, p.Name)
	if err != nil {
		return nil, nil, err
	}
	after = before.clone()
	if err := p.Settings.apply(after); err != nil {
		return nil, nil, err
	}
	return before, after, nil
}

// clone returns a copy of t that shares no slices with it.
func (t *Trail) clone() *Trail {
	c := *t
	c.Tags = slices.Clone(t.Tags)
	c.EventSelectors = slices.Clone(t.EventSelectors)
	c.AdvancedEventSelectors = slices.Clone(t.AdvancedEventSelectors)
	return &c
}
