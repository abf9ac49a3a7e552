package sns

import (
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
)

// pageSize is SNS's fixed page size for ListTopics and ListSubscriptions.
const pageSize = 100

// Listing is one page of results; NextToken fetches the next ("" when
// this is the last).
type Listing[T any] struct {
	Items     []T
	NextToken string
}

// paginate cuts one page out of items, which are sorted by key. list names
// the listing, so a token of another listing is rejected.
func paginate[T any](items []T, key func(T) string, list, token string) (*Listing[T], error) {
	start := 0
	if token != "" {
		after, err := pagetoken.Decode(list, token)
		if err != nil {
			return nil, invalid("NextToken")
		}
		for start < len(items) && key(items[start]) <= after {
			start++
		}
	}
	end := min(start+pageSize, len(items))
	out := &Listing[T]{Items: items[start:end]}
	if end < len(items) {
		out.NextToken = pagetoken.Encode(list, key(items[end-1]))
	}
	return out, nil
}

// isNotFound reports whether err is SNS's NotFound.
func isNotFound(err error) bool { return awserr.Is(err, CodeNotFound) }
