package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GetComplianceDetailsByResource", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.getComplianceDetailsByResource)
})

type getComplianceDetailsByResourceInput struct {
	ResourceType         *string  `json:"ResourceType,omitempty"`
	ResourceId           *string  `json:"ResourceId,omitempty"`
	ComplianceTypes      []string `json:"ComplianceTypes,omitempty"`
	NextToken            *string  `json:"NextToken,omitempty"`
	ResourceEvaluationId *string  `json:"ResourceEvaluationId,omitempty"`
}

func (a *api) getComplianceDetailsByResource(ctx context.Context, in *getComplianceDetailsByResourceInput) (*evaluationResultsOutput, error) {
	var v validate.Errors
	v.String("resourceType", in.ResourceType, 1, 256)
	v.String("resourceId", in.ResourceId, 1, 768)
	validateComplianceTypes(&v, in.ComplianceTypes)
	v.String("resourceEvaluationId", in.ResourceEvaluationId, 1, 128)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Rules.DetailsByResource(ctx, scope(ctx), rules.DetailsByResourceParams{
		ResourceType: valueOrEmpty(in.ResourceType), ResourceID: valueOrEmpty(in.ResourceId),
		ResourceEvaluationID: valueOrEmpty(in.ResourceEvaluationId),
		Types:                in.ComplianceTypes, NextToken: valueOrEmpty(in.NextToken),
	})
	if err != nil {
		return nil, err
	}
	return &evaluationResultsOutput{EvaluationResults: toEvaluationResults(page.Results), NextToken: page.NextToken}, nil
}
