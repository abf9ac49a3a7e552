package documents

import (
	"slices"
	"strconv"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Version selectors accepted wherever a DocumentVersion is.
const (
	VersionLatest  = "$LATEST"
	VersionDefault = "$DEFAULT"
)

// Resolve loads a document version visible to scope (the account's own or
// the Amazon library); version "" = default, "$LATEST", "$DEFAULT", or a
// number. Missing → awserr InvalidDocument; bad version → InvalidDocumentVersion.
// name may also be the document's ARN.
func Resolve(tx store.Tx, scope tenant.Scope, name, version string) (*Document, error) {
	return resolve(tx, scope, Selector{Name: name, Version: version})
}

// Selector picks one version of a document: by Version ("", "$LATEST",
// "$DEFAULT" or a number) and/or VersionName. With neither, the default.
type Selector struct {
	Name        string
	Version     string
	VersionName string
}

// resolve finds the version sel names, in the library or the account.
func resolve(tx store.Tx, scope tenant.Scope, sel Selector) (*Document, error) {
	name, ok := plainName(scope, sel.Name)
	if !ok {
		return nil, errNoDocument()
	}
	sel.Name = name
	if lib, ok := libraryDocument(sel.Name); ok {
		return selectLibrary(lib, sel)
	}
	h, err := getHeader(tx, scope, sel.Name)
	if isNotFound(err) {
		return nil, errNoDocument()
	}
	if err != nil {
		return nil, err
	}
	n, err := pickVersion(tx, scope, h, sel)
	if err != nil {
		return nil, err
	}
	return loadVersion(tx, scope, h, n)
}

// loadVersion reads version n of h and fills in the header's pointers.
func loadVersion(tx store.Tx, scope tenant.Scope, h *header, n int) (*Document, error) {
	d, err := getVersion(tx, scope, h.Name, n)
	if isNotFound(err) {
		return nil, errNoVersion()
	}
	if err != nil {
		return nil, err
	}
	d.Tags = h.Tags
	d.LatestVersion = strconv.Itoa(h.LatestVersion)
	d.DefaultVersion = strconv.Itoa(h.DefaultVersion)
	if n == h.DefaultVersion {
		d.DefaultVersionName = d.VersionName
	} else if def, err := getVersion(tx, scope, h.Name, h.DefaultVersion); err == nil {
		d.DefaultVersionName = def.VersionName
	}
	return d, nil
}

// pickVersion turns a selector into a live version number of h.
func pickVersion(tx store.Tx, scope tenant.Scope, h *header, sel Selector) (int, error) {
	n, err := versionNumber(h.LatestVersion, h.DefaultVersion, sel.Version)
	if err != nil {
		return 0, err
	}
	if sel.Version != "" && !slices.Contains(h.Versions, n) {
		return 0, errNoVersion()
	}
	if sel.VersionName == "" {
		return n, nil
	}
	named, err := findVersionName(tx, scope, h, sel.VersionName)
	if err != nil {
		return 0, err
	}
	if sel.Version != "" && named != n {
		return 0, errNoVersion()
	}
	return named, nil
}

// versionNumber maps a DocumentVersion selector to a number.
func versionNumber(latest, def int, version string) (int, error) {
	switch version {
	case "", VersionDefault:
		return def, nil
	case VersionLatest:
		return latest, nil
	}
	n, err := strconv.Atoi(version)
	if err != nil || n < 1 {
		return 0, errNoVersion()
	}
	return n, nil
}

// findVersionName returns the live version carrying name.
func findVersionName(tx store.Tx, scope tenant.Scope, h *header, name string) (int, error) {
	for _, n := range h.Versions {
		d, err := getVersion(tx, scope, h.Name, n)
		if err != nil {
			return 0, err
		}
		if d.VersionName == name {
			return n, nil
		}
	}
	return 0, errNoVersion()
}

// errNoDocument is AWS's answer for an unknown document name.
func errNoDocument() error {
	return awserr.New(awserr.InvalidDocument, "The specified document does not exist.")
}

// errNoVersion is AWS's answer for an unknown version or version name.
func errNoVersion() error {
	return awserr.New(awserr.InvalidDocumentVersion, "The document version is not valid or does not exist.")
}
