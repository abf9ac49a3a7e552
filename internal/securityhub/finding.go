package securityhub

import (
	"maps"
	"slices"

	"github.com/go-json-experiment/json/jsontext"
)

// SchemaVersion is the ASFF schema version every finding carries.
const SchemaVersion = "2018-10-08"

// Compliance statuses (Compliance.Status).
const (
	CompliancePassed       = "PASSED"
	ComplianceWarning      = "WARNING"
	ComplianceFailed       = "FAILED"
	ComplianceNotAvailable = "NOT_AVAILABLE"
)

// Workflow statuses (Workflow.Status).
const (
	WorkflowNew        = "NEW"
	WorkflowNotified   = "NOTIFIED"
	WorkflowResolved   = "RESOLVED"
	WorkflowSuppressed = "SUPPRESSED"
)

// Record states (RecordState).
const (
	RecordActive   = "ACTIVE"
	RecordArchived = "ARCHIVED"
)

// Severity labels (Severity.Label).
const (
	SeverityInformational = "INFORMATIONAL"
	SeverityLow           = "LOW"
	SeverityMedium        = "MEDIUM"
	SeverityHigh          = "HIGH"
	SeverityCritical      = "CRITICAL"
)

// Enumerations the API validates against, in the model's order.
var (
	ComplianceStatuses = []string{CompliancePassed, ComplianceWarning, ComplianceFailed, ComplianceNotAvailable}
	WorkflowStatuses   = []string{WorkflowNew, WorkflowNotified, WorkflowResolved, WorkflowSuppressed}
	RecordStates       = []string{RecordActive, RecordArchived}
	SeverityLabels     = []string{SeverityInformational, SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical}
	VerificationStates = []string{"UNKNOWN", "TRUE_POSITIVE", "FALSE_POSITIVE", "BENIGN_POSITIVE"}
	WorkflowStates     = []string{"NEW", "ASSIGNED", "IN_PROGRESS", "DEFERRED", "RESOLVED"}
)

// Finding is one finding in the AWS Security Finding Format, with ASFF's
// member names. The members Salve reads are typed; every other member
// (Network, Malware, Vulnerabilities, …) is kept as given in Other and
// returned unchanged.
type Finding struct {
	SchemaVersion         string                 `json:"SchemaVersion,omitempty"`
	ID                    string                 `json:"Id,omitempty"`
	ProductArn            string                 `json:"ProductArn,omitempty"`
	ProductName           string                 `json:"ProductName,omitempty"`
	CompanyName           string                 `json:"CompanyName,omitempty"`
	Region                string                 `json:"Region,omitempty"`
	GeneratorID           string                 `json:"GeneratorId,omitempty"`
	AwsAccountID          string                 `json:"AwsAccountId,omitempty"`
	Types                 []string               `json:"Types,omitempty"`
	FirstObservedAt       string                 `json:"FirstObservedAt,omitempty"`
	LastObservedAt        string                 `json:"LastObservedAt,omitempty"`
	CreatedAt             string                 `json:"CreatedAt,omitempty"`
	UpdatedAt             string                 `json:"UpdatedAt,omitempty"`
	Severity              *Severity              `json:"Severity,omitempty"`
	Confidence            *int                   `json:"Confidence,omitempty"`
	Criticality           *int                   `json:"Criticality,omitempty"`
	Title                 string                 `json:"Title,omitempty"`
	Description           string                 `json:"Description,omitempty"`
	SourceURL             string                 `json:"SourceUrl,omitempty"`
	ProductFields         map[string]string      `json:"ProductFields,omitempty"`
	UserDefinedFields     map[string]string      `json:"UserDefinedFields,omitempty"`
	Resources             []Resource             `json:"Resources,omitempty"`
	Compliance            *Compliance            `json:"Compliance,omitempty"`
	VerificationState     string                 `json:"VerificationState,omitempty"`
	WorkflowState         string                 `json:"WorkflowState,omitempty"`
	Workflow              *Workflow              `json:"Workflow,omitempty"`
	RecordState           string                 `json:"RecordState,omitempty"`
	RelatedFindings       []RelatedFinding       `json:"RelatedFindings,omitempty"`
	Note                  *Note                  `json:"Note,omitempty"`
	FindingProviderFields *FindingProviderFields `json:"FindingProviderFields,omitempty"`
	Sample                *bool                  `json:"Sample,omitempty"`
	ProcessedAt           string                 `json:"ProcessedAt,omitempty"`
	// Other holds the members Salve does not interpret.
	Other map[string]jsontext.Value `json:",embed"`
}

// Severity is a finding's importance.
type Severity struct {
	Label      string   `json:"Label,omitempty"`
	Normalized *int     `json:"Normalized,omitempty"`
	Product    *float64 `json:"Product,omitempty"`
	Original   string   `json:"Original,omitempty"`
}

// Resource is a resource a finding is about.
type Resource struct {
	Type         string            `json:"Type,omitempty"`
	ID           string            `json:"Id,omitempty"`
	Partition    string            `json:"Partition,omitempty"`
	Region       string            `json:"Region,omitempty"`
	ResourceRole string            `json:"ResourceRole,omitempty"`
	Tags         map[string]string `json:"Tags,omitempty"`
	// Other holds Details, DataClassification and the rest, as given.
	Other map[string]jsontext.Value `json:",embed"`
}

// Compliance is the result of a compliance check.
type Compliance struct {
	Status string `json:"Status,omitempty"`
	// Other holds RelatedRequirements, StatusReasons and the rest.
	Other map[string]jsontext.Value `json:",embed"`
}

// Workflow is the state of the investigation into a finding.
type Workflow struct {
	Status string `json:"Status,omitempty"`
}

// RelatedFinding names another finding.
type RelatedFinding struct {
	ProductArn string `json:"ProductArn,omitempty"`
	ID         string `json:"Id,omitempty"`
}

// Note is a person's note on a finding.
type Note struct {
	Text      string `json:"Text,omitempty"`
	UpdatedBy string `json:"UpdatedBy,omitempty"`
	UpdatedAt string `json:"UpdatedAt,omitempty"`
}

// FindingProviderFields are the provider's own values of the fields a
// customer may override.
type FindingProviderFields struct {
	Confidence      *int              `json:"Confidence,omitempty"`
	Criticality     *int              `json:"Criticality,omitempty"`
	RelatedFindings []RelatedFinding  `json:"RelatedFindings,omitempty"`
	Severity        *ProviderSeverity `json:"Severity,omitempty"`
	Types           []string          `json:"Types,omitempty"`
}

// ProviderSeverity is the provider's severity of a finding.
type ProviderSeverity struct {
	Label    string `json:"Label,omitempty"`
	Original string `json:"Original,omitempty"`
}

// Identifier names a finding: its provider's product and its id.
type Identifier struct {
	ID         string
	ProductArn string
}

// Identifier returns the finding's identifier.
func (f *Finding) Identifier() Identifier { return Identifier{ID: f.ID, ProductArn: f.ProductArn} }

// WorkflowStatus returns Workflow.Status, "" if unset.
func (f *Finding) WorkflowStatus() string {
	if f.Workflow == nil {
		return ""
	}
	return f.Workflow.Status
}

// ComplianceStatus returns Compliance.Status, "" if unset.
func (f *Finding) ComplianceStatus() string {
	if f.Compliance == nil {
		return ""
	}
	return f.Compliance.Status
}

// Clone returns a deep copy of f (the JSON values in Other are shared:
// they are never modified).
func (f *Finding) Clone() *Finding {
	c := *f
	c.Types = slices.Clone(f.Types)
	c.ProductFields = maps.Clone(f.ProductFields)
	c.UserDefinedFields = maps.Clone(f.UserDefinedFields)
	c.RelatedFindings = slices.Clone(f.RelatedFindings)
	c.Other = maps.Clone(f.Other)
	c.Resources = make([]Resource, len(f.Resources))
	for i, r := range f.Resources {
		r.Tags, r.Other = maps.Clone(r.Tags), maps.Clone(r.Other)
		c.Resources[i] = r
	}
	c.Severity = clonePtr(f.Severity)
	if c.Severity != nil {
		c.Severity.Normalized = clonePtr(f.Severity.Normalized)
		c.Severity.Product = clonePtr(f.Severity.Product)
	}
	c.Confidence, c.Criticality = clonePtr(f.Confidence), clonePtr(f.Criticality)
	c.Compliance, c.Workflow, c.Note = clonePtr(f.Compliance), clonePtr(f.Workflow), clonePtr(f.Note)
	if c.Compliance != nil {
		c.Compliance.Other = maps.Clone(f.Compliance.Other)
	}
	c.FindingProviderFields = cloneProvider(f.FindingProviderFields)
	c.Sample = clonePtr(f.Sample)
	return &c
}

func cloneProvider(p *FindingProviderFields) *FindingProviderFields {
	if p == nil {
		return nil
	}
	c := *p
	c.Confidence, c.Criticality = clonePtr(p.Confidence), clonePtr(p.Criticality)
	c.RelatedFindings, c.Types = slices.Clone(p.RelatedFindings), slices.Clone(p.Types)
	c.Severity = clonePtr(p.Severity)
	return &c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// SeverityLabelOf returns the label Security Hub derives from a normalized
// score: 0 INFORMATIONAL, 1–39 LOW, 40–69 MEDIUM, 70–89 HIGH, 90–100
// CRITICAL.
func SeverityLabelOf(normalized int) string {
	switch {
	case normalized <= 0:
		return SeverityInformational
	case normalized < 40:
		return SeverityLow
	case normalized < 70:
		return SeverityMedium
	case normalized < 90:
		return SeverityHigh
	}
	return SeverityCritical
}

// NormalizedOf returns the normalized score Security Hub derives from a
// label: INFORMATIONAL 0, LOW 1, MEDIUM 40, HIGH 70, CRITICAL 90.
func NormalizedOf(label string) int {
	switch label {
	case SeverityLow:
		return 1
	case SeverityMedium:
		return 40
	case SeverityHigh:
		return 70
	case SeverityCritical:
		return 90
	}
	return 0
}
