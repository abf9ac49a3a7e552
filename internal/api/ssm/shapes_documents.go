package ssm

import (
	"strconv"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/validate"
)

// Model patterns of the document operations.
const (
	documentNamePattern      = `^[a-zA-Z0-9_\-.]{3,128}$`
	documentARNPattern       = `^[a-zA-Z0-9_\-.:/]{3,128}$`
	documentVersionPattern   = `([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)`
	documentVersionNumber    = `(^[1-9][0-9]*$)`
	documentVersionNameRegex = `^[a-zA-Z0-9_\-.]{1,128}$`
	documentDisplayName      = `^[\w\.\-\:\/ ]*$`
	documentTargetType       = `^\/[\w\.\-\:\/]*$`
	documentTagPattern       = `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`
	documentRequireName      = `^[a-zA-Z0-9_\-.:/]{3,128}$`
	documentRequireType      = `^[a-zA-Z0-9_\-.]{1,128}$`
	attachmentNamePattern    = `^[a-zA-Z0-9_\-.]{3,128}$`
)

// Enum values of the document operations.
var (
	documentTypeValues = []string{"Command", "Policy", "Automation", "Session", "Package",
		"ApplicationConfiguration", "ApplicationConfigurationSchema", "DeploymentStrategy",
		"ChangeCalendar", "Automation.ChangeTemplate", "ProblemAnalysis", "ProblemAnalysisTemplate",
		"CloudFormation", "ConformancePackTemplate", "QuickSetup", "ManualApprovalPolicy", "AutoApprovalPolicy"}
	documentFormatValues    = []string{"YAML", "JSON", "TEXT"}
	attachmentsSourceKeys   = []string{"SourceUrl", "S3FileUrl", "AttachmentReference"}
	documentFilterKeyValues = []string{"Name", "Owner", "PlatformTypes", "DocumentType"}
)

// documentTag is the Tag shape.
type documentTag struct {
	Key   *string `json:"Key,omitzero"`
	Value *string `json:"Value,omitzero"`
}

// documentRequires is the DocumentRequires shape.
type documentRequires struct {
	Name        *string `json:"Name,omitempty"`
	Version     *string `json:"Version,omitempty"`
	RequireType *string `json:"RequireType,omitempty"`
	VersionName *string `json:"VersionName,omitempty"`
}

// attachmentsSource is the AttachmentsSource shape.
type attachmentsSource struct {
	Key    *string  `json:"Key,omitempty"`
	Values []string `json:"Values,omitempty"`
	Name   *string  `json:"Name,omitempty"`
}

// documentParameter is the DocumentParameter shape.
type documentParameter struct {
	Name         string  `json:"Name,omitempty"`
	Type         string  `json:"Type,omitempty"`
	Description  string  `json:"Description,omitempty"`
	DefaultValue *string `json:"DefaultValue,omitzero"`
}

// attachmentInformation is the AttachmentInformation shape.
type attachmentInformation struct {
	Name string `json:"Name,omitempty"`
}

// attachmentContent is the AttachmentContent shape.
type attachmentContent struct {
	Name string `json:"Name,omitempty"`
	Url  string `json:"Url,omitempty"`
}

// documentDescription is the DocumentDescription shape.
type documentDescription struct {
	Hash                   string                  `json:"Hash,omitempty"`
	HashType               string                  `json:"HashType,omitempty"`
	Name                   string                  `json:"Name,omitempty"`
	DisplayName            string                  `json:"DisplayName,omitempty"`
	VersionName            string                  `json:"VersionName,omitempty"`
	Owner                  string                  `json:"Owner,omitempty"`
	CreatedDate            *awsproto.Timestamp     `json:"CreatedDate,omitempty"`
	Status                 string                  `json:"Status,omitempty"`
	DocumentVersion        string                  `json:"DocumentVersion,omitempty"`
	Description            string                  `json:"Description,omitempty"`
	Parameters             []documentParameter     `json:"Parameters,omitempty"`
	PlatformTypes          []string                `json:"PlatformTypes,omitempty"`
	DocumentType           string                  `json:"DocumentType,omitempty"`
	SchemaVersion          string                  `json:"SchemaVersion,omitempty"`
	LatestVersion          string                  `json:"LatestVersion,omitempty"`
	DefaultVersion         string                  `json:"DefaultVersion,omitempty"`
	DocumentFormat         string                  `json:"DocumentFormat,omitempty"`
	TargetType             string                  `json:"TargetType,omitempty"`
	Tags                   []documentTag           `json:"Tags"`
	AttachmentsInformation []attachmentInformation `json:"AttachmentsInformation,omitempty"`
	Requires               []documentRequires      `json:"Requires,omitempty"`
}

// documentIdentifier is the DocumentIdentifier shape.
type documentIdentifier struct {
	Name            string              `json:"Name,omitempty"`
	CreatedDate     *awsproto.Timestamp `json:"CreatedDate,omitempty"`
	DisplayName     string              `json:"DisplayName,omitempty"`
	Owner           string              `json:"Owner,omitempty"`
	VersionName     string              `json:"VersionName,omitempty"`
	PlatformTypes   []string            `json:"PlatformTypes,omitempty"`
	DocumentVersion string              `json:"DocumentVersion,omitempty"`
	DocumentType    string              `json:"DocumentType,omitempty"`
	SchemaVersion   string              `json:"SchemaVersion,omitempty"`
	DocumentFormat  string              `json:"DocumentFormat,omitempty"`
	TargetType      string              `json:"TargetType,omitempty"`
	Tags            []documentTag       `json:"Tags"`
	Requires        []documentRequires  `json:"Requires,omitempty"`
}

// toDocumentDescription renders a document version as DocumentDescription.
func toDocumentDescription(d *documents.Document) *documentDescription {
	return &documentDescription{
		Hash: d.Hash, HashType: "Sha256", Name: d.Name, DisplayName: d.DisplayName,
		VersionName: d.VersionName, Owner: d.Owner, CreatedDate: awsproto.NewTimestamp(d.CreatedDate),
		Status: d.Status, DocumentVersion: d.DocumentVersion, Description: d.Description,
		Parameters: toDocumentParameters(d.Parameters), PlatformTypes: d.PlatformTypes,
		DocumentType: d.DocumentType, SchemaVersion: d.SchemaVersion, LatestVersion: d.LatestVersion,
		DefaultVersion: d.DefaultVersion, DocumentFormat: d.Format, TargetType: d.TargetType,
		Tags: toDocumentTags(d.Tags), AttachmentsInformation: toAttachmentInformation(d.Attachments),
		Requires: toDocumentRequires(d.Requires),
	}
}

// toDocumentIdentifier renders a document version as DocumentIdentifier.
func toDocumentIdentifier(d *documents.Document) documentIdentifier {
	return documentIdentifier{
		Name: d.Name, CreatedDate: awsproto.NewTimestamp(d.CreatedDate), DisplayName: d.DisplayName,
		Owner: d.Owner, VersionName: d.VersionName, PlatformTypes: d.PlatformTypes,
		DocumentVersion: d.DocumentVersion, DocumentType: d.DocumentType, SchemaVersion: d.SchemaVersion,
		DocumentFormat: d.Format, TargetType: d.TargetType, Tags: toDocumentTags(d.Tags),
		Requires: toDocumentRequires(d.Requires),
	}
}

// toDocumentParameters renders parameters with their defaults as strings.
func toDocumentParameters(ps []documents.Parameter) []documentParameter {
	out := make([]documentParameter, len(ps))
	for i, p := range ps {
		out[i] = documentParameter{Name: p.Name, Type: p.Type, Description: p.Description}
		if s, ok := p.DefaultString(); ok {
			out[i].DefaultValue = &s
		}
	}
	return out
}

// toDocumentTags renders tags; always a list, as AWS sends [] for none.
func toDocumentTags(tags []documents.Tag) []documentTag {
	out := make([]documentTag, len(tags))
	for i, t := range tags {
		out[i] = documentTag{Key: &t.Key, Value: &t.Value}
	}
	return out
}

// toDocumentRequires renders the requirements.
func toDocumentRequires(rs []documents.Requirement) []documentRequires {
	var out []documentRequires
	for _, r := range rs {
		out = append(out, documentRequires{Name: &r.Name, Version: docOptional(r.Version),
			RequireType: docOptional(r.RequireType), VersionName: docOptional(r.VersionName)})
	}
	return out
}

// toAttachmentInformation names the recorded attachments.
func toAttachmentInformation(as []documents.Attachment) []attachmentInformation {
	var out []attachmentInformation
	for _, a := range as {
		if a.Name != "" {
			out = append(out, attachmentInformation{Name: a.Name})
		}
	}
	return out
}

// docOptional returns nil for "".
func docOptional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// docString returns *p, or "" for nil.
func docString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// fromDocumentTags converts request tags.
func fromDocumentTags(tags []documentTag) []documents.Tag {
	var out []documents.Tag
	for _, t := range tags {
		out = append(out, documents.Tag{Key: docString(t.Key), Value: docString(t.Value)})
	}
	return out
}

// fromDocumentRequires converts request requirements.
func fromDocumentRequires(rs []documentRequires) []documents.Requirement {
	var out []documents.Requirement
	for _, r := range rs {
		out = append(out, documents.Requirement{Name: docString(r.Name), Version: docString(r.Version),
			RequireType: docString(r.RequireType), VersionName: docString(r.VersionName)})
	}
	return out
}

// fromAttachments converts request attachment sources.
func fromAttachments(as []attachmentsSource) []documents.Attachment {
	var out []documents.Attachment
	for _, a := range as {
		out = append(out, documents.Attachment{Key: docString(a.Key), Values: a.Values, Name: docString(a.Name)})
	}
	return out
}

// validateDocumentName checks a Name member against a model pattern.
func validateDocumentName(v *validate.Errors, name *string, pattern string) {
	if v.Required("name", name != nil) {
		v.Pattern("name", *name, pattern)
	}
}

// validateDocumentSelector checks DocumentVersion and VersionName.
func validateDocumentSelector(v *validate.Errors, version, versionName *string) {
	if version != nil {
		v.Pattern("documentVersion", *version, documentVersionPattern)
	}
	if versionName != nil {
		v.Pattern("versionName", *versionName, documentVersionNameRegex)
	}
}

// validateDocumentMeta checks DisplayName, VersionName and TargetType.
func validateDocumentMeta(v *validate.Errors, displayName, versionName, targetType *string) {
	if displayName != nil {
		v.Len("displayName", *displayName, 0, 1024)
		v.Pattern("displayName", *displayName, documentDisplayName)
	}
	if versionName != nil {
		v.Pattern("versionName", *versionName, documentVersionNameRegex)
	}
	if targetType != nil {
		v.Len("targetType", *targetType, 0, 200)
		v.Pattern("targetType", *targetType, documentTargetType)
	}
}

// validateContent checks the Content member (size is the domain's).
func validateContent(v *validate.Errors, content *string) {
	if v.Required("content", content != nil) {
		v.Len("content", *content, 1, -1)
	}
}

// validateAttachments checks AttachmentsSource entries.
func validateAttachments(v *validate.Errors, as []attachmentsSource) {
	v.Items("attachments", len(as), 0, 20, strconv.Itoa(len(as))+" attachment sources")
	for i, a := range as {
		v.OptionalEnum(validate.Member("attachments", i, "key"), a.Key, attachmentsSourceKeys...)
		v.Items(validate.Member("attachments", i, "values"), len(a.Values), 1, 1, a.Values)
		for j, s := range a.Values {
			v.Len(validate.Member("attachments", i, "values")+"."+strconv.Itoa(j+1)+".member", s, 1, 1024)
		}
		if a.Name != nil {
			v.Pattern(validate.Member("attachments", i, "name"), *a.Name, attachmentNamePattern)
		}
	}
}

// validateDocumentTags checks the Tags member.
func validateDocumentTags(v *validate.Errors, tags []documentTag) {
	v.Items("tags", len(tags), 0, 1000, strconv.Itoa(len(tags))+" tags")
	for i, t := range tags {
		key, val := validate.Member("tags", i, "key"), validate.Member("tags", i, "value")
		if v.Required(key, t.Key != nil) {
			v.Len(key, *t.Key, 1, 128)
			v.Pattern(key, *t.Key, documentTagPattern)
		}
		if v.Required(val, t.Value != nil) {
			v.Len(val, *t.Value, 0, 256)
			v.Pattern(val, *t.Value, documentTagPattern)
		}
	}
}

// validateRequires checks the Requires member.
func validateRequires(v *validate.Errors, rs []documentRequires) {
	if rs != nil {
		v.Items("requires", len(rs), 1, -1, strconv.Itoa(len(rs))+" requirements")
	}
	for i, r := range rs {
		if name := validate.Member("requires", i, "name"); v.Required(name, r.Name != nil) {
			v.Pattern(name, *r.Name, documentRequireName)
		}
		if r.Version != nil {
			v.Pattern(validate.Member("requires", i, "version"), *r.Version, documentVersionPattern)
		}
		if r.RequireType != nil {
			v.Len(validate.Member("requires", i, "requireType"), *r.RequireType, 0, 128)
			v.Pattern(validate.Member("requires", i, "requireType"), *r.RequireType, documentRequireType)
		}
		if r.VersionName != nil {
			v.Pattern(validate.Member("requires", i, "versionName"), *r.VersionName, documentVersionNameRegex)
		}
	}
}
