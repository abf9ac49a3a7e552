package documents

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Store buckets (per account and region).
const (
	bucketDocuments = "ssm-document"
	bucketVersions  = "ssm-document-version"
)

// header is the stored record of a document: what every version shares.
type header struct {
	Name           string    `json:"name"`
	DocumentType   string    `json:"documentType"`
	CreatedDate    time.Time `json:"createdDate"`
	LatestVersion  int       `json:"latestVersion"`
	DefaultVersion int       `json:"defaultVersion"`
	// Versions lists the live version numbers in ascending order.
	Versions []int `json:"versions"`
	// Highest is the highest version number ever used: numbers of deleted
	// versions are not handed out again.
	Highest int   `json:"highest"`
	Tags    []Tag `json:"tags,omitempty"`
}

// versionKey orders versions numerically within a document.
func versionKey(name string, version int) string {
	return store.Key(name, fmt.Sprintf("%010d", version))
}

// getHeader loads a document header; store.ErrNotFound when absent.
func getHeader(tx store.Tx, scope tenant.Scope, name string) (*header, error) {
	b, err := tx.Get(scope.Bucket(bucketDocuments), store.Key(name))
	if err != nil {
		return nil, err
	}
	return decodeHeader(b)
}

// decodeHeader decodes a stored header.
func decodeHeader(b []byte) (*header, error) {
	var h header
	if err := store.DecodeRecord(bucketDocuments, "", b, &h); err != nil {
		return nil, err
	}
	return &h, nil
}

// putHeader stores a document header.
func putHeader(tx store.Tx, scope tenant.Scope, h *header) error {
	return store.PutRecord(tx, scope.Bucket(bucketDocuments), store.Key(h.Name), h)
}

// getVersion loads one stored version (without the header's pointers).
func getVersion(tx store.Tx, scope tenant.Scope, name string, version int) (*Document, error) {
	var d Document
	if err := store.GetRecord(tx, scope.Bucket(bucketVersions), versionKey(name, version), &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// putVersion stores one version.
func putVersion(tx store.Tx, scope tenant.Scope, d *Document) error {
	n, err := strconv.Atoi(d.DocumentVersion)
	if err != nil {
		return fmt.Errorf("store document %q: bad version %q", d.Name, d.DocumentVersion)
	}
	return store.PutRecord(tx, scope.Bucket(bucketVersions), versionKey(d.Name, n), d)
}

// deleteVersion removes one stored version.
func deleteVersion(tx store.Tx, scope tenant.Scope, name string, version int) error {
	_, err := tx.Delete(scope.Bucket(bucketVersions), versionKey(name, version))
	return err
}

// isNotFound reports a missing record.
func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }
