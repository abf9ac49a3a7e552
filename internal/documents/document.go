package documents

import (
	"encoding/json"
	"strconv"
	"time"
)

// Owner of the documents in Salve's read-only runbook library.
const OwnerAmazon = "Amazon"

// Document is one version of an SSM document as stored, with the document's
// version pointers. Resolve and the service operations return it.
type Document struct {
	// Name is the document name.
	Name string `json:"name"`
	// Owner is the owning account id, or OwnerAmazon for the library.
	Owner string `json:"owner"`
	// DocumentType is e.g. "Automation" or "Command".
	DocumentType string `json:"documentType"`
	// DocumentVersion is this version's number as a decimal string ("1", "2", …).
	DocumentVersion string `json:"documentVersion"`
	// VersionName is the optional user-given name of this version.
	VersionName string `json:"versionName,omitempty"`
	// DisplayName is the optional friendly name of the document.
	DisplayName string `json:"displayName,omitempty"`
	// Content is the document content exactly as sent.
	Content string `json:"content"`
	// Format is the content format: "JSON", "YAML" or "TEXT".
	Format string `json:"format"`
	// SchemaVersion is the content's schemaVersion, e.g. "0.3".
	SchemaVersion string `json:"schemaVersion"`
	// Description is the content's top-level description.
	Description string `json:"description,omitempty"`
	// Parameters are the content's parameter declarations, in content order.
	Parameters []Parameter `json:"parameters,omitempty"`
	// PlatformTypes are the platforms the document runs on (Windows,
	// Linux, MacOS).
	PlatformTypes []string `json:"platformTypes,omitempty"`
	// Hash is the SHA-256 of Content, hex encoded.
	Hash string `json:"hash"`
	// CreatedDate is when this version was created.
	CreatedDate time.Time `json:"createdDate"`
	// Status is the version status; Salve creates versions Active.
	Status string `json:"status"`
	// TargetType is the optional resource type the document targets.
	TargetType string `json:"targetType,omitempty"`
	// Requires lists the documents this one depends on.
	Requires []Requirement `json:"requires,omitempty"`
	// Attachments lists the attachment sources recorded at creation; Salve
	// records them but never fetches them.
	Attachments []Attachment `json:"attachments,omitempty"`
	// Tags are the document's tags (document-wide, not per version).
	Tags []Tag `json:"-"`
	// LatestVersion is the highest version number of the document.
	LatestVersion string `json:"-"`
	// DefaultVersion is the version number used when none is asked for.
	DefaultVersion string `json:"-"`
	// DefaultVersionName is the VersionName of the default version.
	DefaultVersionName string `json:"-"`
}

// Parameter is one declared document parameter.
type Parameter struct {
	// Name is the parameter name.
	Name string `json:"name"`
	// Type is the declared type string, e.g. "String" or "AWS::IAM::Role::Arn".
	Type string `json:"type"`
	// Description is the parameter's description.
	Description string `json:"description,omitempty"`
	// HasDefault reports whether the parameter declares a default value
	// (a parameter without one is required).
	HasDefault bool `json:"hasDefault,omitempty"`
	// Default is the declared default: string, bool, number (float64 once
	// stored), []any or map[string]any. DefaultString renders it.
	Default any `json:"default,omitempty"`
}

// Tag is a key/value tag on a document.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Requirement is a document this one requires (AWS DocumentRequires).
type Requirement struct {
	Name        string `json:"name"`
	Version     string `json:"version,omitempty"`
	RequireType string `json:"requireType,omitempty"`
	VersionName string `json:"versionName,omitempty"`
}

// Attachment is one attachment source recorded with a version (AWS
// AttachmentsSource). Salve stores it and reports the name; it never
// fetches the files.
type Attachment struct {
	Key    string   `json:"key,omitempty"`
	Values []string `json:"values,omitempty"`
	Name   string   `json:"name,omitempty"`
}

// DefaultString renders the default the way DescribeDocument reports it:
// strings as they are, booleans as "true"/"false", numbers as digits, lists
// and maps JSON-encoded. ok is false when there is no default.
func (p Parameter) DefaultString() (s string, ok bool) {
	if !p.HasDefault {
		return "", false
	}
	switch v := p.Default.(type) {
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case int:
		return strconv.Itoa(v), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case nil:
		return "", true
	}
	b, err := json.Marshal(p.Default)
	if err != nil {
		return "", true
	}
	return string(b), true
}
