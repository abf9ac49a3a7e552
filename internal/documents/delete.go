package documents

import (
	"context"
	"fmt"
	"slices"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DeleteParams name what to delete: the whole document when Version and
// VersionName are empty, else that one version.
type DeleteParams struct {
	Scope       tenant.Scope
	Name        string
	Version     string
	VersionName string
}

// Delete removes a document or one of its versions. The default version
// can't be deleted alone.
func (s *Service) Delete(ctx context.Context, p DeleteParams) error {
	if _, ok := libraryDocument(p.Name); ok {
		return errAmazonOwned(p.Name, "deleted")
	}
	err := s.store.Update(ctx, func(tx store.Tx) error {
		h, err := getHeader(tx, p.Scope, p.Name)
		if isNotFound(err) {
			return errNoDocument()
		}
		if err != nil {
			return err
		}
		if p.Version == "" && p.VersionName == "" {
			return deleteAll(tx, p.Scope, h)
		}
		return deleteOne(tx, p, h)
	})
	if err != nil {
		return fmt.Errorf("delete document %q: %w", p.Name, err)
	}
	return nil
}

// deleteAll removes every version and the document.
func deleteAll(tx store.Tx, scope tenant.Scope, h *header) error {
	for _, n := range h.Versions {
		if err := deleteVersion(tx, scope, h.Name, n); err != nil {
			return err
		}
	}
	_, err := tx.Delete(scope.Bucket(bucketDocuments), store.Key(h.Name))
	return err
}

// deleteOne removes one non-default version.
func deleteOne(tx store.Tx, p DeleteParams, h *header) error {
	n, err := pickVersion(tx, p.Scope, h, Selector{Name: p.Name, Version: p.Version, VersionName: p.VersionName})
	if err != nil {
		return err
	}
	if n == h.DefaultVersion {
		return awserr.New(awserr.InvalidDocumentOperation, "Default version of the document can't be deleted.")
	}
	if err := deleteVersion(tx, p.Scope, h.Name, n); err != nil {
		return err
	}
	h.Versions = slices.DeleteFunc(h.Versions, func(v int) bool { return v == n })
	h.LatestVersion = slices.Max(h.Versions)
	return putHeader(tx, p.Scope, h)
}
