package ec2

import (
	"sort"

	"github.com/salvehq/salve/internal/pagetoken"
)

// Page selects a page of a Describe call's answer.
type Page struct {
	// MaxResults caps the page; 0 answers everything.
	MaxResults int32
	// NextToken continues a previous page.
	NextToken string
}

// DescribeParams are the common inputs of the Describe calls: explicit
// ids, filters and a page.
type DescribeParams struct {
	IDs     []string
	Filters []Filter
	Page
}

// paginate sorts items by key and returns the page p selects with the
// token of the next page ("" on the last).
func paginate[T any](items []T, key func(T) string, list string, p Page) ([]T, string, error) {
	sort.SliceStable(items, func(i, j int) bool { return key(items[i]) < key(items[j]) })
	if p.NextToken != "" {
		after, err := pagetoken.Decode(list, p.NextToken)
		if err != nil {
			return nil, "", Error(CodeInvalidPaginationToken, "The pagination token '%s' is invalid.", p.NextToken)
		}
		i := sort.Search(len(items), func(i int) bool { return key(items[i]) > after })
		items = items[i:]
	}
	if p.MaxResults <= 0 || len(items) <= int(p.MaxResults) {
		return items, "", nil
	}
	items = items[:p.MaxResults]
	return items, pagetoken.Encode(list, key(items[len(items)-1])), nil
}

// selectRecords returns the records of a Describe call: those named by ids
// (each must exist) or all of the kind, narrowed by the filters.
func selectRecords[T any](t *txn, k *kind, ids []string, fs filterSet[T], filters []Filter) ([]*T, error) {
	match, err := fs.compile(filters)
	if err != nil {
		return nil, err
	}
	var recs []*T
	if len(ids) > 0 {
		recs, err = getMany[T](t, k, dedupe(ids))
	} else {
		recs, err = all[T](t, k)
	}
	if err != nil {
		return nil, err
	}
	out := recs[:0]
	for _, r := range recs {
		if match(r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// dedupe drops repeated strings, keeping the first of each.
func dedupe(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
