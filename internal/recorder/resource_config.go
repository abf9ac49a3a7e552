package recorder

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// PutResourceParams describe a custom resource of PutResourceConfig.
type PutResourceParams struct {
	ResourceType string
	ResourceID   string
	ResourceName string
	// Configuration is the decoded JSON object of the request.
	Configuration map[string]any
	Tags          map[string]string
}

// PutResourceConfig records an item of a custom resource type (status
// ResourceDiscovered first, OK after), so the rules scoped to that type
// evaluate it. It needs a recording recorder.
func (s *Service) PutResourceConfig(ctx context.Context, scope tenant.Scope, p PutResourceParams) error {
	it := configitem.Item{
		ResourceType: p.ResourceType, ResourceID: p.ResourceID, ResourceName: p.ResourceName,
		AvailabilityZone: "Not Applicable", Configuration: p.Configuration, Tags: p.Tags,
		Status: configitem.StatusOK, CaptureTime: s.clock.Now(),
	}
	return s.recordCustom(ctx, scope, it)
}

// DeleteResourceConfig records the deletion of a custom resource; deleting
// one that is unknown or already deleted records nothing.
func (s *Service) DeleteResourceConfig(ctx context.Context, scope tenant.Scope, resourceType, resourceID string) error {
	it := configitem.Item{ResourceType: resourceType, ResourceID: resourceID,
		Status: configitem.StatusResourceDeleted, CaptureTime: s.clock.Now()}
	return s.recordCustom(ctx, scope, it)
}

// recordCustom records it in one transaction if the recorder is recording,
// then wakes the evaluator.
func (s *Service) recordCustom(ctx context.Context, scope tenant.Scope, it configitem.Item) error {
	changed := false
	err := s.store.Update(ctx, func(tx store.Tx) error {
		recording, err := s.Recording(tx, scope)
		if err != nil {
			return err
		}
		if !recording {
			return notRecording()
		}
		changed, err = s.record(tx, scope, it)
		return err
	})
	if err == nil && changed {
		s.Changed()
	}
	return err
}
