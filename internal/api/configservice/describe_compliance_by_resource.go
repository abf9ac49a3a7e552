package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeComplianceByResource", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeComplianceByResource)
})

type describeComplianceByResourceInput struct {
	ResourceType    *string  `json:"ResourceType,omitempty"`
	ResourceId      *string  `json:"ResourceId,omitempty"`
	ComplianceTypes []string `json:"ComplianceTypes,omitempty"`
	Limit           *int32   `json:"Limit,omitempty"`
	NextToken       *string  `json:"NextToken,omitempty"`
}

type describeComplianceByResourceOutput struct {
	ComplianceByResources []complianceByResource `json:"ComplianceByResources"`
	NextToken             string                 `json:"NextToken,omitempty"`
}

// complianceByResource is the ComplianceByResource shape.
type complianceByResource struct {
	ResourceType string      `json:"ResourceType"`
	ResourceId   string      `json:"ResourceId"`
	Compliance   *Compliance `json:"Compliance,omitempty"`
}

func (a *api) describeComplianceByResource(ctx context.Context, in *describeComplianceByResourceInput) (*describeComplianceByResourceOutput, error) {
	if err := validateDescribeComplianceByResource(in); err != nil {
		return nil, err
	}
	page, err := a.Rules.ComplianceByResource(ctx, scope(ctx), rules.ComplianceByResourceParams{
		ResourceType: valueOrEmpty(in.ResourceType), ResourceID: valueOrEmpty(in.ResourceId),
		Types: in.ComplianceTypes, Limit: int(limitOrZero(in.Limit)), NextToken: valueOrEmpty(in.NextToken),
	})
	if err != nil {
		return nil, err
	}
	out := &describeComplianceByResourceOutput{
		ComplianceByResources: make([]complianceByResource, 0, len(page.Items)), NextToken: page.NextToken,
	}
	for _, it := range page.Items {
		out.ComplianceByResources = append(out.ComplianceByResources, complianceByResource{
			ResourceType: it.Resource.Type, ResourceId: it.Resource.ID, Compliance: toCompliance(it.Compliance),
		})
	}
	return out, nil
}

func validateDescribeComplianceByResource(in *describeComplianceByResourceInput) error {
	var v validate.Errors
	v.String("resourceType", in.ResourceType, 1, 256)
	v.String("resourceId", in.ResourceId, 1, 768)
	validateComplianceTypes(&v, in.ComplianceTypes)
	v.RangeInt("limit", in.Limit, 0, 100)
	return v.Err()
}

// limitOrZero returns *n, or 0 (the default) for nil.
func limitOrZero(n *int32) int32 {
	if n == nil {
		return 0
	}
	return *n
}
