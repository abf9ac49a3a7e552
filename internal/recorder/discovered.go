package recorder

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ListParams select the resources of ListDiscoveredResources.
type ListParams struct {
	ResourceType string
	// ResourceIDs, when given, are the only ids listed.
	ResourceIDs []string
	// ResourceName, when given, is the only name listed.
	ResourceName   string
	IncludeDeleted bool
	// Limit is the page size, 1 to 100.
	Limit     int
	NextToken string
}

// ResourcePage is one page of discovered resources.
type ResourcePage struct {
	Resources []ResourceIdentifier
	NextToken string
}

// ListDiscovered pages through the resources of a type in id order.
func (s *Service) ListDiscovered(ctx context.Context, scope tenant.Scope, p ListParams) (*ResourcePage, error) {
	list := store.Key("ListDiscoveredResources", p.ResourceType)
	after, err := decodeToken(list, p.NextToken)
	if err != nil {
		return nil, err
	}
	var out []ResourceIdentifier
	var last string
	err = s.store.View(ctx, func(tx store.Tx) error {
		out, last, err = listResources(tx, scope, p, after)
		return err
	})
	if err != nil {
		return nil, err
	}
	page := &ResourcePage{Resources: out}
	if last != "" {
		page.NextToken = pagetoken.Encode(list, last)
	}
	return page, nil
}

// listResources returns up to p.Limit resources after key after, and the
// key of the last one when more follow.
func listResources(tx store.Tx, scope tenant.Scope, p ListParams, after string) ([]ResourceIdentifier, string, error) {
	bucket := scope.Bucket(kindResource)
	var out []ResourceIdentifier
	for {
		items, err := tx.Scan(store.ScanParams{Bucket: bucket, Prefix: prefixOf(p.ResourceType), After: after, Limit: scanChunk})
		if err != nil {
			return nil, "", err
		}
		for _, kv := range items {
			var e resourceEntry
			if err := store.DecodeRecord(bucket, kv.Key, kv.Value, &e); err != nil {
				return nil, "", err
			}
			id := store.SplitKey(kv.Key)[1]
			if !p.keeps(id, &e) {
				continue
			}
			if len(out) == p.Limit {
				return out, itemKey(p.ResourceType, out[len(out)-1].ResourceID), nil
			}
			out = append(out, p.identifier(id, &e))
		}
		if len(items) < scanChunk {
			return out, "", nil
		}
		after = items[len(items)-1].Key
	}
}

// scanChunk is how many index entries a filtered listing reads at a time.
const scanChunk = 256

func (p *ListParams) keeps(id string, e *resourceEntry) bool {
	switch {
	case e.Deleted && !p.IncludeDeleted:
		return false
	case len(p.ResourceIDs) > 0 && !slices.Contains(p.ResourceIDs, id):
		return false
	case p.ResourceName != "" && e.Name != p.ResourceName:
		return false
	}
	return true
}

func (p *ListParams) identifier(id string, e *resourceEntry) ResourceIdentifier {
	r := ResourceIdentifier{ResourceType: p.ResourceType, ResourceID: id, ResourceName: e.Name}
	if e.Deleted {
		r.DeletedAt = time.UnixMilli(e.DeletedAt).UTC()
	}
	return r
}

// CountParams select the counts of GetDiscoveredResourceCounts.
type CountParams struct {
	// ResourceTypes, when given, are the only types counted.
	ResourceTypes []string
	// Limit is the page size, 1 to 100.
	Limit     int
	NextToken string
}

// CountPage is one page of counts, largest first, and the total of every
// counted type.
type CountPage struct {
	Counts    []ResourceCount
	Total     int64
	NextToken string
}

// ResourceCounts counts the live resources of each type the recorder
// records; while it is not recording there are none, as in AWS.
func (s *Service) ResourceCounts(ctx context.Context, scope tenant.Scope, p CountParams) (*CountPage, error) {
	const list = "GetDiscoveredResourceCounts"
	after, err := decodeToken(list, p.NextToken)
	if err != nil {
		return nil, err
	}
	var counts []ResourceCount
	err = s.store.View(ctx, func(tx store.Tx) error {
		counts, err = countTypes(tx, scope, p.ResourceTypes)
		return err
	})
	if err != nil {
		return nil, err
	}
	page := &CountPage{}
	for _, c := range counts {
		page.Total += c.Count
	}
	page.Counts, page.NextToken = pageCounts(counts, after, p.Limit, list)
	return page, nil
}

// countTypes returns the counts of the recorded types, largest first.
func countTypes(tx store.Tx, scope tenant.Scope, only []string) ([]ResourceCount, error) {
	r, err := loadRecorder(tx, scope)
	if err != nil || r == nil || !r.Recording {
		return nil, err
	}
	items, err := tx.Scan(store.ScanParams{Bucket: scope.Bucket(kindResourceCount)})
	if err != nil {
		return nil, err
	}
	var out []ResourceCount
	for _, kv := range items {
		if (len(only) > 0 && !slices.Contains(only, kv.Key)) || !r.Group.Includes(kv.Key) {
			continue
		}
		n, err := strconv.ParseInt(string(kv.Value), 10, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, ResourceCount{ResourceType: kv.Key, Count: n})
	}
	slices.SortFunc(out, func(a, b ResourceCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.ResourceType, b.ResourceType))
	})
	return out, nil
}

// pageCounts cuts the page after type after.
func pageCounts(counts []ResourceCount, after string, limit int, list string) ([]ResourceCount, string) {
	if after != "" {
		i := slices.IndexFunc(counts, func(c ResourceCount) bool { return c.ResourceType == after })
		if i < 0 {
			// The type of the last page has no resources any more: end
			// rather than start over.
			return nil, ""
		}
		counts = counts[i+1:]
	}
	if len(counts) <= limit {
		return counts, ""
	}
	return counts[:limit], pagetoken.Encode(list, counts[limit-1].ResourceType)
}

// BatchGet returns the current items of the live resources among keys, in
// the order asked; unknown and deleted ones are left out, as in AWS.
func (s *Service) BatchGet(ctx context.Context, scope tenant.Scope, keys []ResourceKey) ([]RecordedItem, error) {
	var out []RecordedItem
	err := s.store.View(ctx, func(tx store.Tx) error {
		seen := map[ResourceKey]bool{}
		for _, k := range keys {
			if seen[k] {
				continue
			}
			seen[k] = true
			rec, err := getItem(tx, scope, k.ResourceType, k.ResourceID)
			if err != nil {
				return err
			}
			if rec != nil && !rec.Item.Deleted() {
				out = append(out, *rec)
			}
		}
		return nil
	})
	return out, err
}

// decodeToken returns the key a NextToken continues after ("" for none).
func decodeToken(list, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	after, err := pagetoken.Decode(list, token)
	if err != nil {
		return "", awserr.New(awserr.InvalidNextTokenException,
			"The nextToken provided is invalid: pass the nextToken of the previous page of the same request, unchanged.")
	}
	return after, nil
}
