package documents

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxVersions is the number of versions a document may have.
const MaxVersions = 1000

// UpdateParams describe a new version of a document. Nil DisplayName,
// TargetType and Attachments carry over from the latest version; empty
// Format means JSON, as in AWS.
type UpdateParams struct {
	Scope tenant.Scope
	Name  string
	// DocumentVersion must name the latest version ("" and "$LATEST" do).
	DocumentVersion string
	Content         string
	Format          string
	VersionName     string
	DisplayName     *string
	TargetType      *string
	Attachments     []Attachment
}

// Update adds a new latest version to a document (latest+1, or one past
// the highest number ever used when later versions were deleted); the
// default version stays.
func (s *Service) Update(ctx context.Context, p UpdateParams) (*Document, error) {
	if p.Format == "" {
		p.Format = FormatJSON
	}
	if _, ok := libraryDocument(p.Name); ok {
		return nil, errAmazonOwned(p.Name, "updated")
	}
	var d *Document
	err := s.store.Update(ctx, func(tx store.Tx) error {
		var err error
		d, err = s.update(tx, p)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update document %q: %w", p.Name, err)
	}
	return d, nil
}

// update runs inside the transaction of Update.
func (s *Service) update(tx store.Tx, p UpdateParams) (*Document, error) {
	h, latest, err := latestVersion(tx, p)
	if err != nil {
		return nil, err
	}
	a, err := analyse(p.Content, h.DocumentType, p.Format)
	if err != nil {
		return nil, err
	}
	if err := checkNewVersion(tx, p, h, latest); err != nil {
		return nil, err
	}
	h.Highest = max(h.Highest, h.LatestVersion) + 1
	h.LatestVersion = h.Highest
	h.Versions = append(h.Versions, h.LatestVersion)
	d := p.version(a, latest, h.LatestVersion, s.clock.Now())
	if err := putHeader(tx, p.Scope, h); err != nil {
		return nil, err
	}
	if err := putVersion(tx, p.Scope, d); err != nil {
		return nil, err
	}
	return loadVersion(tx, p.Scope, h, h.LatestVersion)
}

// latestVersion loads the document and its latest version, checking that
// the request names the latest version.
func latestVersion(tx store.Tx, p UpdateParams) (*header, *Document, error) {
	h, err := getHeader(tx, p.Scope, p.Name)
	if isNotFound(err) {
		return nil, nil, errNoDocument()
	}
	if err != nil {
		return nil, nil, err
	}
	n, err := versionNumber(h.LatestVersion, h.DefaultVersion, p.DocumentVersion)
	if err != nil || (p.DocumentVersion != "" && n != h.LatestVersion) {
		return nil, nil, awserr.New(awserr.InvalidDocumentVersion,
			"Only the latest version of a document can be updated; the latest version of %s is %d.", p.Name, h.LatestVersion)
	}
	latest, err := getVersion(tx, p.Scope, p.Name, h.LatestVersion)
	return h, latest, err
}

// checkNewVersion enforces the rules on content, version names and count.
func checkNewVersion(tx store.Tx, p UpdateParams, h *header, latest *Document) error {
	if hashOf(p.Content) == latest.Hash {
		return awserr.New(awserr.DuplicateDocumentContent,
			"The content is identical to the latest version (%d) of %s. Change the content and try again.", h.LatestVersion, p.Name)
	}
	if p.VersionName != "" {
		if _, err := findVersionName(tx, p.Scope, h, p.VersionName); err == nil {
			return awserr.New(awserr.DuplicateDocumentVersionName,
				"The version name %s is already used by a version of %s. Choose a different version name.", p.VersionName, p.Name)
		}
	}
	if len(h.Versions) >= MaxVersions {
		return awserr.New(awserr.DocumentVersionLimitExceeded,
			"Document %s already has %d versions, the maximum. Delete versions you no longer need and try again.", p.Name, MaxVersions)
	}
	return nil
}

// version builds the new version record, carrying over what was not given.
func (p UpdateParams) version(a *analysis, latest *Document, n int, now time.Time) *Document {
	d := *latest
	d.DocumentVersion, d.VersionName, d.Content, d.Format = strconv.Itoa(n), p.VersionName, p.Content, p.Format
	d.SchemaVersion, d.Description, d.Parameters, d.PlatformTypes = a.SchemaVersion, a.Description, a.Parameters, a.PlatformTypes
	d.Hash, d.CreatedDate, d.Status = hashOf(p.Content), now, StatusActive
	if p.DisplayName != nil {
		d.DisplayName = *p.DisplayName
	}
	if p.TargetType != nil {
		d.TargetType = *p.TargetType
	}
	if p.Attachments != nil {
		d.Attachments = slices.Clone(p.Attachments)
	}
	return &d
}

// SetDefaultVersion makes version the default of a document and returns
// the new default.
func (s *Service) SetDefaultVersion(ctx context.Context, scope tenant.Scope, name, version string) (*Document, error) {
	if _, ok := libraryDocument(name); ok {
		return nil, awserr.New(awserr.InvalidDocument,
			"Document %s is owned by Amazon; its default version can't be changed.", name)
	}
	var d *Document
	err := s.store.Update(ctx, func(tx store.Tx) error {
		h, err := getHeader(tx, scope, name)
		if isNotFound(err) {
			return errNoDocument()
		}
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(version)
		if err != nil || !slices.Contains(h.Versions, n) {
			return errNoVersion()
		}
		h.DefaultVersion = n
		if err := putHeader(tx, scope, h); err != nil {
			return err
		}
		d, err = loadVersion(tx, scope, h, n)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("set default version of %q: %w", name, err)
	}
	return d, nil
}

// errAmazonOwned is the answer to changing a library document.
func errAmazonOwned(name, what string) error {
	return awserr.New(awserr.InvalidDocumentOperation,
		"Document %s is owned by Amazon and can't be %s. Create your own document (under a name without a reserved prefix) instead.", name, what)
}
