package events

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultPageSize is the page size of list operations called without Limit.
const DefaultPageSize = 100

// ListParams select a page of a listing.
type ListParams struct {
	// Bus is the EventBusName member ("" is default).
	Bus string
	// NamePrefix keeps only names that start with it.
	NamePrefix string
	NextToken  string
	// Limit is the page size (DefaultPageSize when 0).
	Limit int
}

func (p ListParams) limit() int {
	if p.Limit <= 0 {
		return DefaultPageSize
	}
	return p.Limit
}

// RulePage is one page of ListRules.
type RulePage struct {
	Rules     []Rule
	NextToken string
}

// ListRules lists a bus's rules by name.
func (s *Service) ListRules(ctx context.Context, scope tenant.Scope, p ListParams) (*RulePage, error) {
	page := &RulePage{}
	err := s.view(ctx, scope, func(t *txn) error {
		bus, err := t.busName(p.Bus)
		if err != nil {
			return err
		}
		list := "events-rules/" + bus + "/" + p.NamePrefix
		after, err := decodeToken(list, p.NextToken)
		if err != nil {
			return err
		}
		rules, err := t.rulesWithPrefix(bus, p.NamePrefix, after, p.limit()+1)
		if err != nil {
			return err
		}
		page.Rules, page.NextToken = cutPage(rules, p.limit(), list, func(r Rule) string { return r.Name })
		return nil
	})
	return page, err
}

// rulesWithPrefix returns a bus's rules whose names start with prefix,
// after the name after, at most limit.
func (t *txn) rulesWithPrefix(bus, prefix, after string, limit int) ([]Rule, error) {
	p := store.ScanParams{Bucket: t.scope.Bucket(kindRule), Prefix: store.Key(bus, prefix), Limit: limit}
	if prefix == "" {
		p.Prefix = store.Key(bus) + "/"
	}
	if after != "" {
		p.After = store.Key(bus, after)
	}
	return scanRecords[Rule](t.tx, p)
}

// scanRecords scans and decodes a bucket's records.
func scanRecords[T any](tx store.Tx, p store.ScanParams) ([]T, error) {
	items, err := tx.Scan(p)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(items))
	for i, it := range items {
		if err := store.DecodeRecord(p.Bucket, it.Key, it.Value, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cutPage keeps the first limit items and, when more were read, returns
// the token that continues after the last one kept.
func cutPage[T any](items []T, limit int, list string, key func(T) string) ([]T, string) {
	if len(items) <= limit {
		return items, ""
	}
	items = items[:limit]
	return items, pagetoken.Encode(list, key(items[len(items)-1]))
}

// decodeToken returns the key a NextToken continues after ("" for none).
func decodeToken(list, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	after, err := pagetoken.Decode(list, token)
	if err != nil {
		return "", validation("The NextToken is not valid for this request.")
	}
	return after, nil
}

// isNotFound reports whether err is ResourceNotFoundException.
func isNotFound(err error) bool { return awserr.Is(err, CodeResourceNotFound) }

// ruleKey is a rule's key in its bucket.
func ruleKey(r *Rule) string { return store.Key(r.Bus, r.Name) }

// sortedTags returns tags sorted by key.
func sortedTags(tags []Tag) []Tag {
	out := slices.Clone(tags)
	slices.SortFunc(out, func(a, b Tag) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return out
}
