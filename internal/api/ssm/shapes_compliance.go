package ssm

import (
	"maps"
	"slices"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/compliance"
	"github.com/salvehq/salve/internal/validate"
)

// complianceTypePattern is the model pattern of ComplianceType.
const complianceTypePattern = `[A-Za-z0-9_\-]\w+|Custom:[a-zA-Z0-9_\-]\w+`

// complianceExecutionSummary is the ComplianceExecutionSummary shape.
type complianceExecutionSummary struct {
	ExecutionTime *awsproto.Timestamp `json:"ExecutionTime,omitempty"`
	ExecutionId   *string             `json:"ExecutionId,omitempty"`
	ExecutionType *string             `json:"ExecutionType,omitempty"`
}

// complianceStringFilter is the ComplianceStringFilter shape.
type complianceStringFilter struct {
	Key    *string  `json:"Key,omitempty"`
	Values []string `json:"Values,omitempty"`
	Type   *string  `json:"Type,omitempty"`
}

// complianceItem is the ComplianceItem shape.
type complianceItem struct {
	ComplianceType   string                      `json:"ComplianceType,omitempty"`
	ResourceType     string                      `json:"ResourceType,omitempty"`
	ResourceId       string                      `json:"ResourceId,omitempty"`
	Id               string                      `json:"Id,omitempty"`
	Title            string                      `json:"Title,omitempty"`
	Status           string                      `json:"Status,omitempty"`
	Severity         string                      `json:"Severity,omitempty"`
	ExecutionSummary *complianceExecutionSummary `json:"ExecutionSummary,omitempty"`
	Details          map[string]string           `json:"Details,omitempty"`
}

// severitySummary is the SeveritySummary shape.
type severitySummary struct {
	CriticalCount      int32 `json:"CriticalCount"`
	HighCount          int32 `json:"HighCount"`
	MediumCount        int32 `json:"MediumCount"`
	LowCount           int32 `json:"LowCount"`
	InformationalCount int32 `json:"InformationalCount"`
	UnspecifiedCount   int32 `json:"UnspecifiedCount"`
}

// compliantSummary is the CompliantSummary shape.
type compliantSummary struct {
	CompliantCount  int32           `json:"CompliantCount"`
	SeveritySummary severitySummary `json:"SeveritySummary"`
}

// nonCompliantSummary is the NonCompliantSummary shape.
type nonCompliantSummary struct {
	NonCompliantCount int32           `json:"NonCompliantCount"`
	SeveritySummary   severitySummary `json:"SeveritySummary"`
}

// complianceSummaryItem is the ComplianceSummaryItem shape.
type complianceSummaryItem struct {
	ComplianceType      string              `json:"ComplianceType"`
	CompliantSummary    compliantSummary    `json:"CompliantSummary"`
	NonCompliantSummary nonCompliantSummary `json:"NonCompliantSummary"`
}

// resourceComplianceSummaryItem is the ResourceComplianceSummaryItem shape.
type resourceComplianceSummaryItem struct {
	ComplianceType      string                      `json:"ComplianceType"`
	ResourceType        string                      `json:"ResourceType"`
	ResourceId          string                      `json:"ResourceId"`
	Status              string                      `json:"Status"`
	OverallSeverity     string                      `json:"OverallSeverity"`
	ExecutionSummary    *complianceExecutionSummary `json:"ExecutionSummary,omitempty"`
	CompliantSummary    compliantSummary            `json:"CompliantSummary"`
	NonCompliantSummary nonCompliantSummary         `json:"NonCompliantSummary"`
}

func toExecutionSummary(e compliance.ExecutionSummary) *complianceExecutionSummary {
	return &complianceExecutionSummary{
		ExecutionTime: awsproto.NewTimestamp(e.Time),
		ExecutionId:   complianceOptString(e.ID),
		ExecutionType: complianceOptString(e.Type),
	}
}

// complianceOptString returns nil for "" so the member is left out.
func complianceOptString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toSeveritySummary(c compliance.SeverityCounts) severitySummary {
	return severitySummary{
		CriticalCount: int32(c.Critical), HighCount: int32(c.High), MediumCount: int32(c.Medium),
		LowCount: int32(c.Low), InformationalCount: int32(c.Informational), UnspecifiedCount: int32(c.Unspecified),
	}
}

func toCompliantSummary(c compliance.SeverityCounts) compliantSummary {
	return compliantSummary{CompliantCount: int32(c.Total()), SeveritySummary: toSeveritySummary(c)}
}

func toNonCompliantSummary(c compliance.SeverityCounts) nonCompliantSummary {
	return nonCompliantSummary{NonCompliantCount: int32(c.Total()), SeveritySummary: toSeveritySummary(c)}
}

// validateComplianceFilters checks the model constraints of a
// ComplianceStringFilter list; which keys and types make sense is the
// domain's call (InvalidFilter).
func validateComplianceFilters(v *validate.Errors, filters []complianceStringFilter) {
	for i, f := range filters {
		v.String(validate.Member("filters", i, "key"), f.Key, 1, 200)
		if f.Values != nil {
			v.Items(validate.Member("filters", i, "values"), len(f.Values), 1, 20, f.Values)
		}
		v.OptionalEnum(validate.Member("filters", i, "type"), f.Type, compliance.FilterTypes...)
	}
}

// toComplianceFilters converts wire filters for the domain.
func toComplianceFilters(filters []complianceStringFilter) []compliance.Filter {
	out := make([]compliance.Filter, len(filters))
	for i, f := range filters {
		out[i] = compliance.Filter{Key: complianceString(f.Key), Values: f.Values, Type: complianceString(f.Type)}
	}
	return out
}

// validateDetails checks a Details map: keys 1..64, values 0..4096.
func validateDetails(v *validate.Errors, path string, details map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(details)) {
		if n := len([]rune(k)); n < 1 || n > 64 {
			v.Add(path, k, "Map keys must satisfy constraint: [Member must have length less than or equal to 64, "+
				"Member must have length greater than or equal to 1]")
		}
		if len([]rune(details[k])) > 4096 {
			v.Add(path, details[k], "Map values must satisfy constraint: "+
				"[Member must have length less than or equal to 4096]")
		}
	}
}

// complianceString returns *p, or "" for nil.
func complianceString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
