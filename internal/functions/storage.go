package functions

import (
	"context"
	"errors"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// getFunction reads function name of scope; ResourceNotFoundException
// when there is none.
func getFunction(tx store.Tx, scope tenant.Scope, name string) (*Function, error) {
	var f Function
	err := store.GetRecord(tx, scope.Bucket(functionKind), name, &f)
	if errors.Is(err, store.ErrNotFound) {
		return nil, notFound(FunctionARN(scope, name))
	}
	return &f, err
}

// exists reports whether scope has function name.
func exists(tx store.Tx, scope tenant.Scope, name string) (bool, error) {
	_, err := tx.Get(scope.Bucket(functionKind), name)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// putFunction stores f and, when c holds a .zip, its code (a directory
// replaces any stored .zip).
func putFunction(tx store.Tx, scope tenant.Scope, f *Function, c *code) error {
	if err := store.PutRecord(tx, scope.Bucket(functionKind), f.Name, f); err != nil {
		return err
	}
	if c == nil {
		return nil
	}
	if c.zip == nil {
		_, err := tx.Delete(scope.Bucket(codeKind), f.Name)
		return err
	}
	return tx.Put(scope.Bucket(codeKind), f.Name, c.zip)
}

// deleteFunction removes function name and its code.
func deleteFunction(tx store.Tx, scope tenant.Scope, name string) error {
	if _, err := tx.Delete(scope.Bucket(functionKind), name); err != nil {
		return err
	}
	_, err := tx.Delete(scope.Bucket(codeKind), name)
	return err
}

// update reads function name, lets change modify it (and touch it when
// its configuration or code changed), stores it and
// records its configuration item, in one transaction; it returns the
// stored function. Sink.Changed runs after the commit.
func (s *Service) update(ctx context.Context, scope tenant.Scope, name, revisionID string,
	change func(f *Function) (*code, error)) (*Function, error) {
	var out *Function
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		f, err := getFunction(tx, scope, name)
		if err != nil {
			return err
		}
		if revisionID != "" && revisionID != f.RevisionID {
			return Errf(CodePreconditionFailed, "The Revision Id provided does not match the latest Revision Id. "+
				"Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
		}
		c, err := change(f)
		if err != nil {
			return err
		}
		if err := putFunction(tx, scope, f, c); err != nil {
			return err
		}
		out = f.clone()
		return s.record(tx, scope, f, "OK")
	})
	if err != nil {
		return nil, err
	}
	s.p.Sink.Changed()
	return out, nil
}
