package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListComplianceSummaries", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.listComplianceSummaries)
})

// listComplianceSummariesInput is the ListComplianceSummaries request.
type listComplianceSummariesInput struct {
	Filters    []complianceStringFilter `json:"Filters,omitempty"`
	NextToken  *string                  `json:"NextToken,omitempty"`
	MaxResults *int32                   `json:"MaxResults,omitempty"`
}

// listComplianceSummariesOutput is the ListComplianceSummaries response.
type listComplianceSummariesOutput struct {
	ComplianceSummaryItems []complianceSummaryItem `json:"ComplianceSummaryItems"`
	NextToken              *string                 `json:"NextToken,omitempty"`
}

func (a *api) listComplianceSummaries(ctx context.Context, in *listComplianceSummariesInput) (*listComplianceSummariesOutput, error) {
	var v validate.Errors
	validateComplianceFilters(&v, in.Filters)
	v.RangeInt("maxResults", in.MaxResults, 1, 50)
	if err := v.Err(); err != nil {
		return nil, err
	}
	res, err := a.Compliance.ListTypeSummaries(ctx, complianceListParams(ctx, in.Filters, in.MaxResults, in.NextToken))
	if err != nil {
		return nil, err
	}
	out := &listComplianceSummariesOutput{ComplianceSummaryItems: make([]complianceSummaryItem, len(res.Summaries)),
		NextToken: complianceOptString(res.NextToken)}
	for i, s := range res.Summaries {
		out.ComplianceSummaryItems[i] = complianceSummaryItem{
			ComplianceType:      s.ComplianceType,
			CompliantSummary:    toCompliantSummary(s.Compliant),
			NonCompliantSummary: toNonCompliantSummary(s.NonCompliant),
		}
	}
	return out, nil
}
