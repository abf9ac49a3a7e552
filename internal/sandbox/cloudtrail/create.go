package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// CreateTrailParams are CreateTrail's members.
type CreateTrailParams struct {
	Name string
	Settings
	Tags []Tag
}

// CreateTrail creates a trail in scope's region (its home region). A new
// trail is not logging until StartLogging.
func (s *Service) CreateTrail(ctx context.Context, scope tenant.Scope, p CreateTrailParams) (*Trail, error) {
	t, err := s.newTrail(scope, p)
	if err != nil {
		return nil, err
	}
	if err := s.checkDependencies(ctx, nil, t); err != nil {
		return nil, err
	}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := s.checkRoom(tx, t, false); err != nil {
			return err
		}
		if err := saveTrail(tx, t); err != nil {
			return err
		}
		return s.sink.Record(tx, scope, item(t, configitem.StatusResourceDiscovered, t.CreatedAt))
	})
	if err != nil {
		return nil, err
	}
	s.sink.Changed()
	return t, nil
}

// newTrail validates p and returns the trail it describes.
func (s *Service) newTrail(scope tenant.Scope, p CreateTrailParams) (*Trail, error) {
	if err := ValidateTrailName(p.Name); err != nil {
		return nil, err
	}
	if p.S3BucketName == nil {
		return nil, newError(CodeInvalidS3BucketName, "S3BucketName is required.")
	}
	t := &Trail{Name: p.Name, AccountID: scope.AccountID, HomeRegion: scope.Region,
		CreatedAt: s.clock.Now().UTC(), IncludeGlobalServiceEvents: true}
	if err := p.Settings.apply(t); err != nil {
		return nil, err
	}
	if err := validateTags(p.Tags); err != nil {
		return nil, err
	}
	if len(p.Tags) > maxTagsPerTrail {
		return nil, tagsLimit(len(p.Tags))
	}
	t.Tags = p.Tags
	return t, nil
}

// checkRoom refuses a trail whose name another trail already shows in one
// of the regions it is seen from, and a trail that would make a region see
// more than the limit. exists says t is already stored (UpdateTrail making
// it multi-region), so it does not count against itself.
func (s *Service) checkRoom(tx store.Tx, t *Trail, exists bool) error {
	refs, err := accountIndex(tx, t.AccountID)
	if err != nil {
		return err
	}
	var others []indexRef
	for _, r := range refs {
		if exists && r.Region == t.HomeRegion && r.Name == t.Name {
			continue
		}
		if r.Name == t.Name && (r.Region == t.HomeRegion || r.MultiRegion || t.IsMultiRegionTrail) {
			return newError(CodeTrailAlreadyExists, "Trail %s already exists for customer: %s (home region %s).",
				t.Name, t.AccountID, r.Region)
		}
		others = append(others, r)
	}
	return s.checkLimit(t, others)
}

// checkLimit counts, for every region t would be seen from, the other
// trails seen there.
func (s *Service) checkLimit(t *Trail, others []indexRef) error {
	regions := map[string]bool{t.HomeRegion: true}
	if t.IsMultiRegionTrail {
		for _, r := range others {
			regions[r.Region] = true
		}
	}
	for region := range regions {
		n := 0
		for _, r := range others {
			if r.visibleIn(region) {
				n++
			}
		}
		if n+1 > s.maxTrails {
			return newError(CodeMaximumNumberOfTrailsExceeded,
				"User: %s already has %d trails in %s. Delete a trail, or make fewer trails multi-region.",
				t.AccountID, n, region)
		}
	}
	return nil
}
