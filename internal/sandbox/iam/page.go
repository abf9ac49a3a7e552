package iam

import (
	"github.com/salvehq/salve/internal/pagetoken"
)

// DefaultMaxItems is the page size when a call gives no MaxItems.
const DefaultMaxItems = 100

// Page selects one page of a listing: Marker is the previous page's
// Marker ("" for the first), MaxItems its size (0 means DefaultMaxItems).
type Page struct {
	Marker   string
	MaxItems int
}

// Listing is one page of results.
type Listing[T any] struct {
	Items []T
	// IsTruncated says more items follow; Marker fetches them.
	IsTruncated bool
	Marker      string
}

// paginate cuts one page out of items, which are sorted by key. list
// names the listing, so a marker of another listing is rejected.
func paginate[T any](items []T, key func(T) string, list string, p Page) (*Listing[T], error) {
	start := 0
	if p.Marker != "" {
		after, err := pagetoken.Decode(list, p.Marker)
		if err != nil {
			return nil, Err(CodeInvalidInput, "Invalid Marker: it was not returned by this listing.")
		}
		for start < len(items) && key(items[start]) <= after {
			start++
		}
	}
	size := p.MaxItems
	if size <= 0 {
		size = DefaultMaxItems
	}
	end := min(start+size, len(items))
	out := &Listing[T]{Items: items[start:end]}
	if end < len(items) {
		out.IsTruncated = true
		out.Marker = pagetoken.Encode(list, key(items[end-1]))
	}
	return out, nil
}
