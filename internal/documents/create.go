package documents

import (
	"context"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxDocuments is the number of active documents an account may own per
// Region.
const MaxDocuments = 500

// StatusActive is the status of every stored version.
const StatusActive = "Active"

// CreateParams describe a new document. Empty DocumentType means Command
// and empty Format means JSON, as in AWS.
type CreateParams struct {
	Scope        tenant.Scope
	Name         string
	Content      string
	DocumentType string
	Format       string
	VersionName  string
	DisplayName  string
	TargetType   string
	Tags         []Tag
	Requires     []Requirement
	Attachments  []Attachment
}

// Create stores version 1 of a new document and returns it.
func (s *Service) Create(ctx context.Context, p CreateParams) (*Document, error) {
	p = p.withDefaults()
	if err := checkName(p.Name); err != nil {
		return nil, err
	}
	a, err := analyse(p.Content, p.DocumentType, p.Format)
	if err != nil {
		return nil, err
	}
	d := p.version(a, s.clock.Now())
	h := &header{Name: p.Name, DocumentType: p.DocumentType, CreatedDate: d.CreatedDate,
		LatestVersion: 1, DefaultVersion: 1, Versions: []int{1}, Highest: 1, Tags: p.Tags}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		if err := checkCreatable(tx, p.Scope, p.Name); err != nil {
			return err
		}
		if err := putHeader(tx, p.Scope, h); err != nil {
			return err
		}
		return putVersion(tx, p.Scope, d)
	})
	if err != nil {
		return nil, fmt.Errorf("create document %q: %w", p.Name, err)
	}
	d.Tags, d.LatestVersion, d.DefaultVersion, d.DefaultVersionName = h.Tags, "1", "1", d.VersionName
	return d, nil
}

// withDefaults fills in AWS's defaults.
func (p CreateParams) withDefaults() CreateParams {
	if p.DocumentType == "" {
		p.DocumentType = TypeCommand
	}
	if p.Format == "" {
		p.Format = FormatJSON
	}
	return p
}

// version builds the first version record.
func (p CreateParams) version(a *analysis, now time.Time) *Document {
	return &Document{Name: p.Name, Owner: p.Scope.AccountID, DocumentType: p.DocumentType,
		DocumentVersion: "1", VersionName: p.VersionName, DisplayName: p.DisplayName,
		Content: p.Content, Format: p.Format, SchemaVersion: a.SchemaVersion,
		Description: a.Description, Parameters: a.Parameters, PlatformTypes: a.PlatformTypes,
		Hash: hashOf(p.Content), CreatedDate: now, Status: StatusActive, TargetType: p.TargetType,
		Requires: p.Requires, Attachments: p.Attachments}
}

// checkCreatable rejects a taken name and a full account.
func checkCreatable(tx store.Tx, scope tenant.Scope, name string) error {
	if _, ok := libraryDocument(name); ok {
		return errExists(name)
	}
	if _, err := getHeader(tx, scope, name); err == nil {
		return errExists(name)
	} else if !isNotFound(err) {
		return err
	}
	n, err := tx.Count(store.ScanParams{Bucket: scope.Bucket(bucketDocuments), Limit: MaxDocuments})
	if err != nil {
		return err
	}
	if n >= MaxDocuments {
		return awserr.New(awserr.DocumentLimitExceeded,
			"You can have at most %d active SSM documents in an account and Region. Delete documents you no longer need and try again.", MaxDocuments)
	}
	return nil
}

// errExists is AWS's answer for a taken name.
func errExists(name string) error {
	return awserr.New(awserr.DocumentAlreadyExists, "Document with name %s already exists.", name)
}
