package documents

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Filter keys of ListDocuments; tag filters use TagFilterPrefix + key.
const (
	FilterOwner         = "Owner"
	FilterName          = "Name"
	FilterDocumentType  = "DocumentType"
	FilterPlatformTypes = "PlatformTypes"
	FilterTargetType    = "TargetType"
	TagFilterPrefix     = "tag:"
)

// Owner filter values.
const (
	OwnerSelf       = "Self"
	OwnerPrivate    = "Private"
	OwnerAll        = "All"
	OwnerPublic     = "Public"
	OwnerThirdParty = "ThirdParty"
)

// Filter keeps documents whose Key matches any of Values. Name matches by
// prefix; tag filters match documents carrying the tag with one of the
// values (any value when Values is empty).
type Filter struct {
	Key    string
	Values []string
}

// ListParams select one page of documents.
type ListParams struct {
	Scope   tenant.Scope
	Filters []Filter
	// After continues after this document name ("" starts at the top).
	After string
	// Limit is the page size.
	Limit int
}

// ListResult is one page; More reports that documents follow the last one.
type ListResult struct {
	Documents []*Document
	More      bool
}

// List returns the default versions of the account's documents and of the
// Amazon library, ordered by name, that pass every filter.
func (s *Service) List(ctx context.Context, p ListParams) (*ListResult, error) {
	if err := checkFilters(p.Filters); err != nil {
		return nil, err
	}
	var docs []*Document
	err := s.store.View(ctx, func(tx store.Tx) error {
		var err error
		docs, err = accountDocuments(tx, p.Scope)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	docs = append(docs, libraryDocuments()...)
	return page(matching(docs, p), p), nil
}

// checkFilters rejects unknown filter keys.
func checkFilters(fs []Filter) error {
	known := []string{FilterOwner, FilterName, FilterDocumentType, FilterPlatformTypes, FilterTargetType}
	for _, f := range fs {
		if !slices.Contains(known, f.Key) && !(strings.HasPrefix(f.Key, TagFilterPrefix) && len(f.Key) > len(TagFilterPrefix)) {
			return awserr.New(awserr.InvalidFilterKey,
				"The filter key %s is not valid. Valid keys are Owner, Name, DocumentType, PlatformTypes, TargetType and tag:<key>.", f.Key)
		}
	}
	return nil
}

// accountDocuments loads the default version of every document of scope.
func accountDocuments(tx store.Tx, scope tenant.Scope) ([]*Document, error) {
	items, err := tx.Scan(store.ScanParams{Bucket: scope.Bucket(bucketDocuments)})
	if err != nil {
		return nil, err
	}
	out := make([]*Document, 0, len(items))
	for _, it := range items {
		h, err := decodeHeader(it.Value)
		if err != nil {
			return nil, err
		}
		d, err := loadVersion(tx, scope, h, h.DefaultVersion)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// matching keeps the documents that pass every filter, ordered by name.
func matching(docs []*Document, p ListParams) []*Document {
	out := docs[:0:0]
	for _, d := range docs {
		if d.Name > p.After && passes(d, p.Scope, p.Filters) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *Document) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// page cuts the first Limit documents.
func page(docs []*Document, p ListParams) *ListResult {
	if p.Limit > 0 && len(docs) > p.Limit {
		return &ListResult{Documents: docs[:p.Limit], More: true}
	}
	return &ListResult{Documents: docs}
}

// passes reports whether d passes every filter.
func passes(d *Document, scope tenant.Scope, fs []Filter) bool {
	for _, f := range fs {
		if !passesOne(d, scope, f) {
			return false
		}
	}
	return true
}

// passesOne reports whether d matches any value of one filter.
func passesOne(d *Document, scope tenant.Scope, f Filter) bool {
	if tag, ok := strings.CutPrefix(f.Key, TagFilterPrefix); ok {
		return hasTag(d.Tags, tag, f.Values)
	}
	return slices.ContainsFunc(f.Values, func(v string) bool {
		switch f.Key {
		case FilterOwner:
			return ownerMatches(d, scope, v)
		case FilterName:
			return strings.HasPrefix(d.Name, v)
		case FilterDocumentType:
			return d.DocumentType == v
		case FilterPlatformTypes:
			return slices.Contains(d.PlatformTypes, v)
		case FilterTargetType:
			return d.TargetType == v
		}
		return false
	})
}

// ownerMatches applies an Owner filter value.
func ownerMatches(d *Document, scope tenant.Scope, v string) bool {
	switch v {
	case OwnerAll:
		return true
	case OwnerSelf, OwnerPrivate:
		return d.Owner == scope.AccountID
	case OwnerAmazon:
		return d.Owner == OwnerAmazon
	}
	// Public and ThirdParty documents do not exist in Salve; an account id
	// matches that account's own documents.
	return d.Owner == v
}

// hasTag reports whether tags hold key with one of values (any value when
// values is empty).
func hasTag(tags []Tag, key string, values []string) bool {
	for _, t := range tags {
		if t.Key == key && (len(values) == 0 || slices.Contains(values, t.Value)) {
			return true
		}
	}
	return false
}
