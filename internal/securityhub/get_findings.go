package securityhub

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultMaxResults is GetFindings' page size when none is given (and its
// largest).
const DefaultMaxResults = 100

// Sort orders (SortCriterion.SortOrder).
const (
	SortAsc  = "asc"
	SortDesc = "desc"
)

// SortCriterion orders findings by a string, date or number member.
type SortCriterion struct {
	Field     string
	SortOrder string
}

// GetFindingsParams are GetFindings' members.
type GetFindingsParams struct {
	Filters      Filters
	SortCriteria []SortCriterion
	// MaxResults is 1 to 100; 0 means DefaultMaxResults.
	MaxResults int
	NextToken  string
}

// FindingsPage is one page of findings.
type FindingsPage struct {
	Findings  []Finding
	NextToken string
}

// matched is a finding that passed the filters, with its JSON document.
type matched struct {
	finding Finding
	doc     any
}

// GetFindings returns the findings of a scope that pass the filters,
// sorted (by default newest UpdatedAt first), a page at a time. Archived
// findings are included unless a RecordState filter leaves them out, as
// on AWS.
func (s *Service) GetFindings(ctx context.Context, scope tenant.Scope, p GetFindingsParams) (*FindingsPage, error) {
	q, err := s.prepareQuery(p)
	if err != nil {
		return nil, err
	}
	var found []matched
	err = s.store.View(ctx, func(tx store.Tx) error {
		if _, err := s.enabledHub(tx, scope); err != nil {
			return err
		}
		found, err = filterFindings(tx, scope, q.preds)
		return err
	})
	if err != nil {
		return nil, err
	}
	sortFindings(found, q.order)
	return page(found, q), nil
}

// query is a checked GetFindings request.
type query struct {
	preds         []predicate
	order         []sortKey
	offset, limit int
	// hash fingerprints the filters and order (see queryHash).
	hash string
}

// prepareQuery checks a GetFindings request.
func (s *Service) prepareQuery(p GetFindingsParams) (*query, error) {
	q := &query{limit: p.MaxResults, hash: queryHash(p)}
	if q.limit == 0 {
		q.limit = DefaultMaxResults
	}
	if q.limit < 1 || q.limit > DefaultMaxResults {
		return nil, InvalidInput("MaxResults must be between 1 and 100; %d was given.", p.MaxResults)
	}
	var err error
	if q.preds, err = p.Filters.compile(s.clock.Now()); err != nil {
		return nil, err
	}
	if q.order, err = compileSort(p.SortCriteria); err != nil {
		return nil, err
	}
	q.offset, err = decodeOffset(p.NextToken, q.hash)
	return q, err
}

// filterFindings returns the findings of a scope every predicate passes.
func filterFindings(tx store.Tx, scope tenant.Scope, preds []predicate) ([]matched, error) {
	recs, err := scanFindings(tx, scope, "")
	if err != nil {
		return nil, err
	}
	var out []matched
	for _, r := range recs {
		doc, err := documentOf(&r.Finding)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(preds, func(p predicate) bool { return !p(doc) }) {
			out = append(out, matched{finding: r.Finding, doc: doc})
		}
	}
	return out, nil
}

// documentOf returns a finding as a generic JSON document.
func documentOf(f *Finding) (any, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("encode finding %q: %w", f.ID, err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("decode finding %q: %w", f.ID, err)
	}
	return doc, nil
}

// sortKey is a compiled SortCriterion.
type sortKey struct {
	path []segment
	kind FilterKind
	desc bool
}

// defaultSort is newest UpdatedAt first.
var defaultSort = []SortCriterion{{Field: "UpdatedAt", SortOrder: SortDesc}}

func compileSort(criteria []SortCriterion) ([]sortKey, error) {
	if len(criteria) == 0 {
		criteria = defaultSort
	}
	out := make([]sortKey, len(criteria))
	for i, c := range criteria {
		f, ok := fields[c.Field]
		if !ok || (f.kind != FilterString && f.kind != FilterDate && f.kind != FilterNumber) {
			return nil, InvalidInput("Invalid sort field %q: sort by a string, date or number filter field such as UpdatedAt or SeverityNormalized.", c.Field)
		}
		if c.SortOrder != "" && c.SortOrder != SortAsc && c.SortOrder != SortDesc {
			return nil, InvalidInput("Invalid SortOrder %q: use asc or desc.", c.SortOrder)
		}
		out[i] = sortKey{path: parsePath(f.path), kind: f.kind, desc: c.SortOrder == SortDesc}
	}
	return out, nil
}

// sortFindings orders findings by the keys, then by product and id so
// pages are stable. A finding without a value sorts last.
func sortFindings(found []matched, order []sortKey) {
	slices.SortStableFunc(found, func(a, b matched) int {
		for _, k := range order {
			if c := k.compare(a.doc, b.doc); c != 0 {
				return c
			}
		}
		return cmp.Or(strings.Compare(a.finding.ProductArn, b.finding.ProductArn), strings.Compare(a.finding.ID, b.finding.ID))
	})
}

// compare compares two documents by the key.
func (k sortKey) compare(a, b any) int {
	va, vb := valuesAt(a, k.path), valuesAt(b, k.path)
	switch {
	case len(va) == 0 && len(vb) == 0:
		return 0
	case len(va) == 0:
		return 1
	case len(vb) == 0:
		return -1
	}
	c := compareValues(k.kind, va[0], vb[0])
	if k.desc {
		return -c
	}
	return c
}

// compareValues compares two values of a kind.
func compareValues(kind FilterKind, a, b any) int {
	switch kind {
	case FilterNumber:
		fa, _ := a.(float64)
		fb, _ := b.(float64)
		return cmp.Compare(fa, fb)
	case FilterDate:
		sa, _ := a.(string)
		sb, _ := b.(string)
		ta, _ := ParseTime(sa)
		tb, _ := ParseTime(sb)
		return ta.Compare(tb)
	}
	sa, _ := a.(string)
	sb, _ := b.(string)
	return strings.Compare(sa, sb)
}

// pageList names GetFindings' tokens (pagetoken rejects other lists').
const pageList = "GetFindings"

// queryHash fingerprints a query's filters and order, so a token is only
// taken for the query that issued it.
func queryHash(p GetFindingsParams) string {
	b, _ := json.Marshal(struct {
		F Filters
		S []SortCriterion
	}{p.Filters, p.SortCriteria}, json.Deterministic(true))
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// decodeOffset returns the offset a NextToken continues at (0 for none).
func decodeOffset(token, hash string) (int, error) {
	if token == "" {
		return 0, nil
	}
	after, err := pagetoken.Decode(pageList, token)
	h, n, ok := strings.Cut(after, ":")
	offset, convErr := strconv.Atoi(n)
	if err != nil || !ok || h != hash || convErr != nil || offset < 0 {
		return 0, InvalidInput("The NextToken is not valid for this request: pass the token of the previous page with the same filters and sort criteria.")
	}
	return offset, nil
}

// page cuts one page out of the sorted findings.
func page(found []matched, q *query) *FindingsPage {
	out := &FindingsPage{Findings: []Finding{}}
	end := q.offset + q.limit
	for i := q.offset; i < len(found) && i < end; i++ {
		out.Findings = append(out.Findings, found[i].finding)
	}
	if end < len(found) {
		out.NextToken = pagetoken.Encode(pageList, q.hash+":"+strconv.Itoa(end))
	}
	return out
}
