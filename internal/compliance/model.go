package compliance

import (
	"time"

	"github.com/salvehq/salve/internal/tenant"
)

// ResourceTypeManagedInstance is the only resource type SSM accepts.
const ResourceTypeManagedInstance = "ManagedInstance"

// TypeAssociation is the compliance type of State Manager associations,
// the only type PARTIAL uploads apply to.
const TypeAssociation = "Association"

// CustomPrefix starts every custom compliance type ("Custom:AVCheck").
const CustomPrefix = "Custom:"

// Upload types of PutComplianceItems.
const (
	UploadComplete = "COMPLETE"
	UploadPartial  = "PARTIAL"
)

// Compliance statuses.
const (
	StatusCompliant    = "COMPLIANT"
	StatusNonCompliant = "NON_COMPLIANT"
)

// Severities, from the highest to the lowest.
const (
	SeverityCritical      = "CRITICAL"
	SeverityHigh          = "HIGH"
	SeverityMedium        = "MEDIUM"
	SeverityLow           = "LOW"
	SeverityInformational = "INFORMATIONAL"
	SeverityUnspecified   = "UNSPECIFIED"
)

// Severities lists the ComplianceSeverity enum, highest first.
var Severities = []string{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow,
	SeverityInformational, SeverityUnspecified}

// Statuses lists the ComplianceStatus enum.
var Statuses = []string{StatusCompliant, StatusNonCompliant}

// UploadTypes lists the ComplianceUploadType enum.
var UploadTypes = []string{UploadComplete, UploadPartial}

// Limits of PutComplianceItems. The model gives no byte figures for the
// size errors; these are Salve's choices (docs/compat-ssm-compliance.md).
const (
	// MaxItems is the most items one (resource, compliance type) may hold.
	MaxItems = 10000
	// MaxCustomTypes is the most distinct Custom: types per account and region.
	MaxCustomTypes = 10
	// MaxItemBytes bounds one item's content (see itemSize).
	MaxItemBytes = 64 << 10
	// MaxTotalBytes bounds the content of all items one (resource,
	// compliance type) holds after a put.
	MaxTotalBytes = 4 << 20
)

// ExecutionSummary says which execution produced compliance data.
type ExecutionSummary struct {
	Time time.Time `json:"time"`
	ID   string    `json:"id,omitempty"`
	Type string    `json:"type,omitempty"`
}

// ItemEntry is one compliance item as PutComplianceItems receives it. An
// empty ID means the item has none.
type ItemEntry struct {
	ID       string
	Title    string
	Severity string
	Status   string
	Details  map[string]string
}

// PutParams is one PutComplianceItems call.
type PutParams struct {
	Scope          tenant.Scope
	ResourceID     string
	ResourceType   string
	ComplianceType string
	Execution      ExecutionSummary
	Items          []ItemEntry
	// ContentHash, when equal to the hash stored for the (resource,
	// compliance type), makes the call a no-op.
	ContentHash string
	// UploadType is COMPLETE (also when empty) or PARTIAL.
	UploadType string
}

// Item is one stored compliance item.
type Item struct {
	ResourceType   string
	ResourceID     string
	ComplianceType string
	ID             string
	Title          string
	Severity       string
	Status         string
	Details        map[string]string
	Execution      ExecutionSummary
}

// SeverityCounts counts items or resources per severity.
type SeverityCounts struct {
	Critical      int `json:"critical,omitempty"`
	High          int `json:"high,omitempty"`
	Medium        int `json:"medium,omitempty"`
	Low           int `json:"low,omitempty"`
	Informational int `json:"informational,omitempty"`
	Unspecified   int `json:"unspecified,omitempty"`
}

// ResourceSummary is the compliance of one resource for one compliance
// type; its counts are item counts.
type ResourceSummary struct {
	ResourceType    string
	ResourceID      string
	ComplianceType  string
	Status          string
	OverallSeverity string
	Execution       ExecutionSummary
	Compliant       SeverityCounts
	NonCompliant    SeverityCounts
}

// TypeSummary is the compliance of all resources for one compliance type;
// its counts are resource counts.
type TypeSummary struct {
	ComplianceType string
	Compliant      SeverityCounts
	NonCompliant   SeverityCounts
}

// Filter is one ComplianceStringFilter: Values are alternatives (any may
// match; for NOT_EQUAL none may), and all filters of a call must match.
type Filter struct {
	Key    string
	Values []string
	// Type is EQUAL (also when empty), NOT_EQUAL, BEGIN_WITH, LESS_THAN or
	// GREATER_THAN.
	Type string
}

// Filter types.
const (
	FilterEqual       = "EQUAL"
	FilterNotEqual    = "NOT_EQUAL"
	FilterBeginWith   = "BEGIN_WITH"
	FilterLessThan    = "LESS_THAN"
	FilterGreaterThan = "GREATER_THAN"
)

// FilterTypes lists the ComplianceQueryOperatorType enum.
var FilterTypes = []string{FilterEqual, FilterNotEqual, FilterBeginWith, FilterLessThan, FilterGreaterThan}
