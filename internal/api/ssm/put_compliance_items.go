package ssm

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/compliance"
	"github.com/salvehq/salve/internal/tenant"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutComplianceItems", func(a *api) awsproto.Handler { return awsproto.JSON(a.putComplianceItems) })

// putComplianceItemsInput is the PutComplianceItems request.
type putComplianceItemsInput struct {
	ResourceId       *string                     `json:"ResourceId,omitempty"`
	ResourceType     *string                     `json:"ResourceType,omitempty"`
	ComplianceType   *string                     `json:"ComplianceType,omitempty"`
	ExecutionSummary *complianceExecutionSummary `json:"ExecutionSummary,omitempty"`
	Items            []complianceItemEntry       `json:"Items,omitempty"`
	ItemContentHash  *string                     `json:"ItemContentHash,omitempty"`
	UploadType       *string                     `json:"UploadType,omitempty"`
}

// complianceItemEntry is the ComplianceItemEntry shape.
type complianceItemEntry struct {
	Id       *string           `json:"Id,omitempty"`
	Title    *string           `json:"Title,omitempty"`
	Severity *string           `json:"Severity,omitempty"`
	Status   *string           `json:"Status,omitempty"`
	Details  map[string]string `json:"Details,omitempty"`
}

// putComplianceItemsOutput is the (empty) PutComplianceItems response.
type putComplianceItemsOutput struct{}

func (a *api) putComplianceItems(ctx context.Context, in *putComplianceItemsInput) (*putComplianceItemsOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	if err := a.Compliance.Put(ctx, in.params(scope(ctx))); err != nil {
		return nil, err
	}
	return &putComplianceItemsOutput{}, nil
}

func (in *putComplianceItemsInput) validate() error {
	var v validate.Errors
	if v.Required("resourceId", in.ResourceId != nil) {
		v.Len("resourceId", *in.ResourceId, 1, 100)
	}
	if v.Required("resourceType", in.ResourceType != nil) {
		v.Len("resourceType", *in.ResourceType, 1, 50)
	}
	if v.Required("complianceType", in.ComplianceType != nil) {
		v.Len("complianceType", *in.ComplianceType, 1, 100)
		v.Pattern("complianceType", *in.ComplianceType, complianceTypePattern)
	}
	if v.Required("executionSummary", in.ExecutionSummary != nil) {
		validateExecutionSummary(&v, in.ExecutionSummary)
	}
	if v.Required("items", in.Items != nil) {
		validateItemEntries(&v, in.Items)
	}
	v.String("itemContentHash", in.ItemContentHash, 0, 256)
	v.OptionalEnum("uploadType", in.UploadType, compliance.UploadTypes...)
	return v.Err()
}

func validateExecutionSummary(v *validate.Errors, e *complianceExecutionSummary) {
	v.Required("executionSummary.executionTime", e.ExecutionTime != nil)
	v.String("executionSummary.executionId", e.ExecutionId, 0, 100)
	v.String("executionSummary.executionType", e.ExecutionType, 0, 50)
}

// validateItemEntries checks the list size and, when that is within
// bounds, every entry.
func validateItemEntries(v *validate.Errors, items []complianceItemEntry) {
	if len(items) > compliance.MaxItems {
		v.Items("items", len(items), 0, compliance.MaxItems, fmt.Sprintf("%d items", len(items)))
		return
	}
	for i, it := range items {
		v.String(validate.Member("items", i, "title"), it.Title, 0, 500)
		if path := validate.Member("items", i, "severity"); v.Required(path, it.Severity != nil) {
			v.Enum(path, *it.Severity, compliance.Severities...)
		}
		if path := validate.Member("items", i, "status"); v.Required(path, it.Status != nil) {
			v.Enum(path, *it.Status, compliance.Statuses...)
		}
		validateDetails(v, validate.Member("items", i, "details"), it.Details)
	}
}

func (in *putComplianceItemsInput) params(s tenant.Scope) compliance.PutParams {
	p := compliance.PutParams{
		Scope: s, ResourceID: *in.ResourceId, ResourceType: *in.ResourceType, ComplianceType: *in.ComplianceType,
		Execution: compliance.ExecutionSummary{
			Time: in.ExecutionSummary.ExecutionTime.Value(),
			ID:   complianceString(in.ExecutionSummary.ExecutionId),
			Type: complianceString(in.ExecutionSummary.ExecutionType),
		},
		Items:       make([]compliance.ItemEntry, len(in.Items)),
		ContentHash: complianceString(in.ItemContentHash),
		UploadType:  complianceString(in.UploadType),
	}
	for i, it := range in.Items {
		p.Items[i] = compliance.ItemEntry{
			ID: complianceString(it.Id), Title: complianceString(it.Title),
			Severity: *it.Severity, Status: *it.Status, Details: it.Details,
		}
	}
	return p
}
