package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/compliance"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListComplianceItems", func(a *api) awsproto.Handler { return awsproto.JSON(a.listComplianceItems) })

// listComplianceItemsInput is the ListComplianceItems request.
type listComplianceItemsInput struct {
	Filters       []complianceStringFilter `json:"Filters,omitempty"`
	ResourceIds   []string                 `json:"ResourceIds,omitempty"`
	ResourceTypes []string                 `json:"ResourceTypes,omitempty"`
	NextToken     *string                  `json:"NextToken,omitempty"`
	MaxResults    *int32                   `json:"MaxResults,omitempty"`
}

// listComplianceItemsOutput is the ListComplianceItems response.
type listComplianceItemsOutput struct {
	ComplianceItems []complianceItem `json:"ComplianceItems"`
	NextToken       *string          `json:"NextToken,omitempty"`
}

func (a *api) listComplianceItems(ctx context.Context, in *listComplianceItemsInput) (*listComplianceItemsOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	res, err := a.Compliance.ListItems(ctx, compliance.ListItemsParams{
		ListParams:    complianceListParams(ctx, in.Filters, in.MaxResults, in.NextToken),
		ResourceIDs:   in.ResourceIds,
		ResourceTypes: in.ResourceTypes,
	})
	if err != nil {
		return nil, err
	}
	out := &listComplianceItemsOutput{ComplianceItems: make([]complianceItem, len(res.Items)),
		NextToken: complianceOptString(res.NextToken)}
	for i, it := range res.Items {
		out.ComplianceItems[i] = toComplianceItem(it)
	}
	return out, nil
}

func (in *listComplianceItemsInput) validate() error {
	var v validate.Errors
	validateComplianceFilters(&v, in.Filters)
	if in.ResourceIds != nil {
		v.Items("resourceIds", len(in.ResourceIds), 1, -1, in.ResourceIds)
	}
	for i, id := range in.ResourceIds {
		v.Len(validate.Member("resourceIds", i, ""), id, 1, 100)
	}
	if in.ResourceTypes != nil {
		v.Items("resourceTypes", len(in.ResourceTypes), 1, -1, in.ResourceTypes)
	}
	for i, t := range in.ResourceTypes {
		v.Len(validate.Member("resourceTypes", i, ""), t, 1, 50)
	}
	v.RangeInt("maxResults", in.MaxResults, 1, 50)
	return v.Err()
}

// complianceListParams builds the members every compliance list shares.
func complianceListParams(ctx context.Context, filters []complianceStringFilter, max *int32, token *string) compliance.ListParams {
	p := compliance.ListParams{Scope: scope(ctx), Filters: toComplianceFilters(filters),
		NextToken: complianceString(token)}
	if max != nil {
		p.MaxResults = int(*max)
	}
	return p
}

func toComplianceItem(it compliance.Item) complianceItem {
	return complianceItem{
		ComplianceType: it.ComplianceType, ResourceType: it.ResourceType, ResourceId: it.ResourceID,
		Id: it.ID, Title: it.Title, Status: it.Status, Severity: it.Severity,
		ExecutionSummary: toExecutionSummary(it.Execution), Details: it.Details,
	}
}
