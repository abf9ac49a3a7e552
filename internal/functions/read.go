package functions

import (
	"context"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Get returns the function ref (a name, partial ARN or ARN) refers to,
// for qualifier "" or $LATEST.
func (s *Service) Get(ctx context.Context, scope tenant.Scope, ref, qualifier string) (*Function, error) {
	name, err := resolve(scope, ref, qualifier)
	if err != nil {
		return nil, err
	}
	var f *Function
	err = s.p.Store.View(ctx, func(tx store.Tx) error {
		f, err = getFunction(tx, scope, name)
		return err
	})
	return f, err
}

// ZipFile returns the stored .zip of function name when its CodeSha256
// is sha (nil for a function whose code is a directory).
func (s *Service) ZipFile(ctx context.Context, scope tenant.Scope, name, sha string) ([]byte, error) {
	var zip []byte
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		f, err := getFunction(tx, scope, name)
		if err != nil {
			return err
		}
		if f.CodeSha256 != sha {
			return notFound(f.ARN)
		}
		if f.CodeDir != "" {
			return nil
		}
		zip, err = tx.Get(scope.Bucket(codeKind), name)
		return err
	})
	return zip, err
}

// ListParams page through a scope's functions.
type ListParams struct {
	// Marker is the NextMarker of the previous page ("" for the first).
	Marker string
	// MaxItems caps the page (1 to 50; 0 means 50, as Lambda does).
	MaxItems int
}

// maxListItems is the most functions a page holds.
const maxListItems = 50

// listName names ListFunctions' markers.
const listName = "ListFunctions"

// List returns a page of the scope's functions in name order and the
// marker of the next page ("" after the last).
func (s *Service) List(ctx context.Context, scope tenant.Scope, p ListParams) ([]*Function, string, error) {
	after := ""
	if p.Marker != "" {
		var err error
		if after, err = pagetoken.Decode(listName, p.Marker); err != nil {
			return nil, "", invalid("Invalid Marker: %s", p.Marker)
		}
	}
	limit := p.MaxItems
	if limit <= 0 || limit > maxListItems {
		limit = maxListItems
	}
	var out []*Function
	more := false
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		items, err := tx.Scan(store.ScanParams{Bucket: scope.Bucket(functionKind), After: after, Limit: limit + 1})
		if err != nil {
			return err
		}
		more = len(items) > limit
		for _, it := range items[:min(len(items), limit)] {
			var f Function
			if err := store.DecodeRecord(scope.Bucket(functionKind), it.Key, it.Value, &f); err != nil {
				return err
			}
			out = append(out, &f)
		}
		return nil
	})
	if err != nil || !more {
		return out, "", err
	}
	return out, pagetoken.Encode(listName, out[len(out)-1].Name), nil
}

// Delete removes a function and its code; qualifier "" only ($LATEST
// cannot be deleted on its own, as on Lambda).
func (s *Service) Delete(ctx context.Context, scope tenant.Scope, ref, qualifier string) error {
	if qualifier == Version {
		return invalid("$LATEST version cannot be deleted without deleting the function.")
	}
	name, err := resolve(scope, ref, qualifier)
	if err != nil {
		return err
	}
	err = s.p.Store.Update(ctx, func(tx store.Tx) error {
		f, err := getFunction(tx, scope, name)
		if err != nil {
			return err
		}
		if err := deleteFunction(tx, scope, name); err != nil {
			return err
		}
		return s.recordDeleted(tx, scope, f)
	})
	if err != nil {
		return err
	}
	s.p.Sink.Changed()
	return nil
}
