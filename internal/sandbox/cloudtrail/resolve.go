package cloudtrail

import (
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// resolve finds the trail a request names, by name or by ARN, as seen from
// scope: a name finds a trail whose home is scope's region; an ARN also
// finds the shadow of a multi-region trail of another region.
func resolve(tx store.Tx, scope tenant.Scope, ref string) (*Trail, error) {
	if isARN(ref) {
		return resolveARN(tx, scope, ref)
	}
	if err := ValidateTrailName(ref); err != nil {
		return nil, err
	}
	t, err := loadTrail(tx, scope, ref)
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, trailNotFound(trailARN(scope, ref), scope.AccountID)
	}
	return t, nil
}

func resolveARN(tx store.Tx, scope tenant.Scope, s string) (*Trail, error) {
	a, err := ParseARN(s)
	if err != nil {
		return nil, err
	}
	if a.Type != "trail" || ValidateTrailName(a.Name) != nil {
		return nil, newError(CodeARNInvalid, "%q is not a trail ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME).", s)
	}
	if a.AccountID != scope.AccountID {
		return nil, trailNotFound(s, scope.AccountID)
	}
	t, err := loadTrail(tx, tenant.Scope{AccountID: a.AccountID, Region: a.Region}, a.Name)
	if err != nil {
		return nil, err
	}
	if t == nil || !t.VisibleIn(scope.Region) {
		return nil, trailNotFound(s, scope.AccountID)
	}
	return t, nil
}

// resolveHome is resolve for changes: a shadow trail is found but may only
// be changed from its home region (InvalidHomeRegionException).
func resolveHome(tx store.Tx, scope tenant.Scope, ref string) (*Trail, error) {
	t, err := resolve(tx, scope, ref)
	if err != nil {
		return nil, err
	}
	if t.HomeRegion != scope.Region {
		return nil, notHomeRegion(t, scope.Region)
	}
	return t, nil
}
