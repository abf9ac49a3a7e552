package compliance

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Default page sizes (MaxResults absent). The model states none; SSM's
// ListComplianceSummaries documents "null or 50".
const (
	DefaultItemsPageSize     = 10
	DefaultSummariesPageSize = 50
)

// scanBatch is how many records a list reads from the store at a time.
const scanBatch = 100

// ListParams are the members every compliance list shares.
type ListParams struct {
	Scope   tenant.Scope
	Filters []Filter
	// MaxResults caps the page; 0 means the operation's default.
	MaxResults int
	NextToken  string
}

// hit is a listed value and its position, which a NextToken resumes after.
type hit[T any] struct {
	v   T
	pos string
}

// paginate cuts hits (up to limit+1 of them) into a page and the token of
// the next one, "" when hits holds no more than limit.
func paginate[T any](hits []hit[T], limit int, list string) ([]T, string) {
	next := ""
	if len(hits) > limit {
		hits = hits[:limit]
		next = pagetoken.Encode(list, hits[limit-1].pos)
	}
	out := make([]T, len(hits))
	for i, h := range hits {
		out[i] = h.v
	}
	return out, next
}

// listName names a list query for its page tokens: a token is only
// accepted by the same operation with the same filters.
func listName(op string, query ...any) string {
	b, _ := json.Marshal(query)
	sum := sha256.Sum256(b)
	return "ssm." + op + "." + hex.EncodeToString(sum[:8])
}

// decodeToken returns the position a NextToken resumes after ("" for no
// token) or InvalidNextToken.
func decodeToken(list, tok string) (string, error) {
	if tok == "" {
		return "", nil
	}
	pos, err := pagetoken.Decode(list, tok)
	if err != nil {
		return "", errInvalidToken()
	}
	return pos, nil
}

func errInvalidToken() error {
	return awserr.New(awserr.InvalidNextToken,
		"The NextToken is not valid for this request: pass the NextToken of the previous page of the same "+
			"call with the same filters, or omit it to start over.")
}

// pageSize returns the page size for max, or def when max is 0.
func pageSize(max, def int) int {
	if max <= 0 {
		return def
	}
	return max
}

// scanEach calls fn on every record of p.Bucket under p.Prefix after
// p.After, in key order, until fn returns false.
func scanEach(tx store.Tx, p store.ScanParams, fn func(store.Item) (bool, error)) error {
	p.Limit = scanBatch
	for {
		items, err := tx.Scan(p)
		if err != nil {
			return fmt.Errorf("scan %s: %w", p.Bucket, err)
		}
		for _, it := range items {
			more, err := fn(it)
			if err != nil || !more {
				return err
			}
		}
		if len(items) < scanBatch {
			return nil
		}
		p.After = items[len(items)-1].Key
	}
}
