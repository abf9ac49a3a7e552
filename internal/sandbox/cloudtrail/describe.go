package cloudtrail

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// listTrailsPage is how many trails one ListTrails page holds.
const listTrailsPage = 50

// GetTrail returns the trail named by name or ARN, as seen from scope.
func (s *Service) GetTrail(ctx context.Context, scope tenant.Scope, ref string) (*Trail, error) {
	var t *Trail
	err := s.store.View(ctx, func(tx store.Tx) (err error) {
		t, err = resolve(tx, scope, ref)
		return err
	})
	return t, err
}

// DescribeTrails returns the trails named (names or ARNs; names match only
// trails whose home is scope's region, and names that match nothing are
// left out), or with no names every trail seen from scope's region. With
// shadows, the multi-region trails of other regions are included.
func (s *Service) DescribeTrails(ctx context.Context, scope tenant.Scope, refs []string, shadows bool) ([]*Trail, error) {
	var out []*Trail
	err := s.store.View(ctx, func(tx store.Tx) (err error) {
		if len(refs) == 0 {
			out, err = visibleTrails(tx, scope, shadows)
			return err
		}
		out, err = namedTrails(tx, scope, refs, shadows)
		return err
	})
	return out, err
}

func namedTrails(tx store.Tx, scope tenant.Scope, refs []string, shadows bool) ([]*Trail, error) {
	var out []*Trail
	seen := map[string]bool{}
	for _, ref := range refs {
		t, err := resolve(tx, scope, ref)
		if awserr.Is(err, CodeTrailNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if seen[t.ARN()] || (!shadows && t.HomeRegion != scope.Region) {
			continue
		}
		seen[t.ARN()] = true
		out = append(out, t)
	}
	return out, nil
}

// TrailInfo is one ListTrails entry.
type TrailInfo struct {
	Name, ARN, HomeRegion string
}

// ListTrailsPage is one page of ListTrails.
type ListTrailsPage struct {
	Trails    []TrailInfo
	NextToken string
}

// ListTrails lists every trail of scope's account, in every region, ordered
// by home region and name.
func (s *Service) ListTrails(ctx context.Context, scope tenant.Scope, nextToken string) (*ListTrailsPage, error) {
	after, err := decodeToken("ListTrails", nextToken)
	if err != nil {
		return nil, err
	}
	var items []store.Item
	err = s.store.View(ctx, func(tx store.Tx) (err error) {
		items, err = tx.Scan(store.ScanParams{Bucket: indexBucket(scope.AccountID), After: after, Limit: listTrailsPage + 1})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list trails: %w", err)
	}
	page := &ListTrailsPage{}
	if len(items) > listTrailsPage {
		items = items[:listTrailsPage]
		page.NextToken = pagetoken.Encode("ListTrails", items[len(items)-1].Key)
	}
	for _, it := range items {
		parts := store.SplitKey(it.Key)
		if len(parts) != 2 {
			return nil, fmt.Errorf("trail index key %q is malformed", it.Key)
		}
		home := tenant.Scope{AccountID: scope.AccountID, Region: parts[0]}
		page.Trails = append(page.Trails, TrailInfo{Name: parts[1], ARN: trailARN(home, parts[1]), HomeRegion: parts[0]})
	}
	return page, nil
}

func decodeToken(list, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	after, err := pagetoken.Decode(list, token)
	if err != nil {
		return "", newError(CodeInvalidNextToken, "The NextToken is not valid: pass the NextToken of the previous %s page.", list)
	}
	return after, nil
}
