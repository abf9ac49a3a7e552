package remediation

import (
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
)

// keyed is a listed value with the store key pages continue after.
type keyed[T any] struct {
	key   string
	value T
}

// page cuts a page of at most limit values from items (which hold up to
// limit+1, in key order) and returns the token continuing after it ("" on
// the last page).
func page[T any](items []keyed[T], limit int, list string) ([]T, string) {
	next := ""
	if len(items) > limit {
		items = items[:limit]
		next = pagetoken.Encode(list, items[limit-1].key)
	}
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = it.value
	}
	return out, next
}

// decodeToken returns the key a NextToken continues after ("" for none).
func decodeToken(list, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	after, err := pagetoken.Decode(list, token)
	if err != nil {
		return "", awserr.New(awserr.InvalidNextTokenException,
			"The nextToken provided is invalid: pass the NextToken of the previous page of the same request, unchanged.")
	}
	return after, nil
}
