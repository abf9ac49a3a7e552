package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GetComplianceSummaryByResourceType", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.getComplianceSummaryByResourceType)
})

type getComplianceSummaryByResourceTypeInput struct {
	ResourceTypes []string `json:"ResourceTypes,omitempty"`
}

type getComplianceSummaryByResourceTypeOutput struct {
	ComplianceSummariesByResourceType []complianceSummaryByResourceType `json:"ComplianceSummariesByResourceType"`
}

// complianceSummaryByResourceType is the ComplianceSummaryByResourceType shape.
type complianceSummaryByResourceType struct {
	ResourceType      string             `json:"ResourceType,omitempty"`
	ComplianceSummary *ComplianceSummary `json:"ComplianceSummary,omitempty"`
}

func (a *api) getComplianceSummaryByResourceType(ctx context.Context, in *getComplianceSummaryByResourceTypeInput) (*getComplianceSummaryByResourceTypeOutput, error) {
	var v validate.Errors
	v.Items("resourceTypes", len(in.ResourceTypes), 0, 20, in.ResourceTypes)
	for i, t := range in.ResourceTypes {
		v.Len(validate.Member("resourceTypes", i, ""), t, 1, 256)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	sums, err := a.Rules.SummaryByResourceType(ctx, scope(ctx), in.ResourceTypes)
	if err != nil {
		return nil, err
	}
	out := &getComplianceSummaryByResourceTypeOutput{
		ComplianceSummariesByResourceType: make([]complianceSummaryByResourceType, 0, len(sums)),
	}
	for _, s := range sums {
		out.ComplianceSummariesByResourceType = append(out.ComplianceSummariesByResourceType,
			complianceSummaryByResourceType{ResourceType: s.ResourceType, ComplianceSummary: toComplianceSummary(s.Summary)})
	}
	return out, nil
}
