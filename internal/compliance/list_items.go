package compliance

import (
	"context"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
)

// ListItemsParams is one ListComplianceItems call.
type ListItemsParams struct {
	ListParams
	// ResourceIDs holds at most one resource ID.
	ResourceIDs []string
	// ResourceTypes may only name ManagedInstance.
	ResourceTypes []string
}

// ListItemsResult is one page of compliance items.
type ListItemsResult struct {
	Items     []Item
	NextToken string
}

// itemFields are the filter keys of ListComplianceItems.
var itemFields = fieldSet[Item]{
	"ComplianceType": {text: func(i Item) string { return i.ComplianceType }},
	"Id":             {text: func(i Item) string { return i.ID }},
	"Title":          {text: func(i Item) string { return i.Title }},
	"Status":         {text: func(i Item) string { return i.Status }},
	"Severity":       {text: func(i Item) string { return i.Severity }},
	"ResourceId":     {text: func(i Item) string { return i.ResourceID }},
	"ResourceType":   {text: func(i Item) string { return i.ResourceType }},
	"ExecutionId":    {text: func(i Item) string { return i.Execution.ID }},
	"ExecutionType":  {text: func(i Item) string { return i.Execution.Type }},
	"ExecutionTime":  {time: func(i Item) time.Time { return i.Execution.Time }},
}

// ListItems returns one page of compliance items, ordered by resource,
// compliance type and item Id (items without an Id last, in upload order).
func (s *Service) ListItems(ctx context.Context, p ListItemsParams) (ListItemsResult, error) {
	q, err := newItemsQuery(p)
	if err != nil {
		return ListItemsResult{}, err
	}
	var hits []hit[Item]
	err = s.store.View(ctx, func(tx store.Tx) error {
		hits, err = q.collect(tx)
		return err
	})
	if err != nil {
		return ListItemsResult{}, fmt.Errorf("list compliance items: %w", err)
	}
	items, next := paginate(hits, q.limit, q.list)
	return ListItemsResult{Items: items, NextToken: next}, nil
}

// itemsQuery is a checked ListItems call.
type itemsQuery struct {
	bucket string
	prefix string
	match  predicate[Item]
	limit  int
	list   string
	// afterRecord and afterItem are where the page resumes ("" at the start).
	afterRecord, afterItem string
}

func newItemsQuery(p ListItemsParams) (*itemsQuery, error) {
	prefix, err := resourcePrefix(p.ResourceIDs, p.ResourceTypes)
	if err != nil {
		return nil, err
	}
	match, err := compileFilters(itemFields, p.Filters)
	if err != nil {
		return nil, err
	}
	q := &itemsQuery{bucket: bucketsOf(p.Scope).items, prefix: prefix, match: match,
		limit: pageSize(p.MaxResults, DefaultItemsPageSize),
		list:  listName("ListComplianceItems", p.ResourceIDs, p.ResourceTypes, p.Filters)}
	return q, q.resume(p.NextToken)
}

// resourcePrefix checks the resource members and returns the key prefix
// of the records they select.
func resourcePrefix(ids, types []string) (string, error) {
	if len(ids) > 1 {
		return "", awserr.New(awserr.InvalidFilter,
			"Currently, you can only specify one resource ID per call; got %d ResourceIds.", len(ids))
	}
	for _, t := range types {
		if err := checkResourceType(t); err != nil {
			return "", err
		}
	}
	if len(ids) == 0 {
		return "", nil
	}
	if err := checkResourceID(ids[0]); err != nil {
		return "", err
	}
	return store.Key(ResourceTypeManagedInstance, ids[0]) + "/", nil
}

// resume sets the position a NextToken continues after.
func (q *itemsQuery) resume(tok string) error {
	pos, err := decodeToken(q.list, tok)
	if err != nil || pos == "" {
		return err
	}
	parts := store.SplitKey(pos)
	if len(parts) != 4 {
		return errInvalidToken()
	}
	q.afterRecord, q.afterItem = store.Key(parts[:3]...), parts[3]
	return nil
}

// collect returns up to limit+1 matching items after the resume position.
func (q *itemsQuery) collect(tx store.Tx) ([]hit[Item], error) {
	var hits []hit[Item]
	if q.afterRecord != "" {
		var rec itemsRecord
		found, err := getJSON(tx, q.bucket, q.afterRecord, &rec)
		if err != nil {
			return nil, err
		}
		if found {
			hits = q.appendMatches(hits, q.afterRecord, rec.Items, q.afterItem)
		}
	}
	err := scanEach(tx, store.ScanParams{Bucket: q.bucket, Prefix: q.prefix, After: q.afterRecord},
		func(it store.Item) (bool, error) {
			if len(hits) > q.limit {
				return false, nil
			}
			var rec itemsRecord
			if err := store.DecodeRecord(q.bucket, it.Key, it.Value, &rec); err != nil {
				return false, err
			}
			hits = q.appendMatches(hits, it.Key, rec.Items, "")
			return len(hits) <= q.limit, nil
		})
	return hits, err
}

// appendMatches adds the items of one record whose key sorts after
// afterItem and that pass the filters, up to limit+1 hits in all.
func (q *itemsQuery) appendMatches(hits []hit[Item], recordKey string, items []storedItem, afterItem string) []hit[Item] {
	parts := store.SplitKey(recordKey)
	for _, it := range items {
		if len(hits) > q.limit {
			break
		}
		if afterItem != "" && it.Key <= afterItem {
			continue
		}
		v := it.item(parts[0], parts[1], parts[2])
		if q.match(v) {
			hits = append(hits, hit[Item]{v: v, pos: store.Key(parts[0], parts[1], parts[2], it.Key)})
		}
	}
	return hits
}
