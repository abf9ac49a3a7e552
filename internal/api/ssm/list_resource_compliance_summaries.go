package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/compliance"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListResourceComplianceSummaries", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.listResourceComplianceSummaries)
})

// listResourceComplianceSummariesInput is the ListResourceComplianceSummaries request.
type listResourceComplianceSummariesInput struct {
	Filters    []complianceStringFilter `json:"Filters,omitempty"`
	NextToken  *string                  `json:"NextToken,omitempty"`
	MaxResults *int32                   `json:"MaxResults,omitempty"`
}

// listResourceComplianceSummariesOutput is the ListResourceComplianceSummaries response.
type listResourceComplianceSummariesOutput struct {
	ResourceComplianceSummaryItems []resourceComplianceSummaryItem `json:"ResourceComplianceSummaryItems"`
	NextToken                      *string                         `json:"NextToken,omitempty"`
}

func (a *api) listResourceComplianceSummaries(ctx context.Context, in *listResourceComplianceSummariesInput) (*listResourceComplianceSummariesOutput, error) {
	var v validate.Errors
	validateComplianceFilters(&v, in.Filters)
	v.RangeInt("maxResults", in.MaxResults, 1, 50)
	if err := v.Err(); err != nil {
		return nil, err
	}
	res, err := a.Compliance.ListResourceSummaries(ctx, complianceListParams(ctx, in.Filters, in.MaxResults, in.NextToken))
	if err != nil {
		return nil, err
	}
	out := &listResourceComplianceSummariesOutput{
		ResourceComplianceSummaryItems: make([]resourceComplianceSummaryItem, len(res.Summaries)),
		NextToken:                      complianceOptString(res.NextToken),
	}
	for i, s := range res.Summaries {
		out.ResourceComplianceSummaryItems[i] = toResourceComplianceSummaryItem(s)
	}
	return out, nil
}

func toResourceComplianceSummaryItem(s compliance.ResourceSummary) resourceComplianceSummaryItem {
	return resourceComplianceSummaryItem{
		ComplianceType: s.ComplianceType, ResourceType: s.ResourceType, ResourceId: s.ResourceID,
		Status: s.Status, OverallSeverity: s.OverallSeverity,
		ExecutionSummary:    toExecutionSummary(s.Execution),
		CompliantSummary:    toCompliantSummary(s.Compliant),
		NonCompliantSummary: toNonCompliantSummary(s.NonCompliant),
	}
}
