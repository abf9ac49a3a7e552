package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutEvaluations", func(a *api) awsproto.Handler { return awsproto.JSON(a.putEvaluations) })

type putEvaluationsInput struct {
	Evaluations []Evaluation `json:"Evaluations,omitempty"`
	ResultToken *string      `json:"ResultToken,omitempty"`
	TestMode    *bool        `json:"TestMode,omitempty"`
}

type putEvaluationsOutput struct {
	FailedEvaluations []Evaluation `json:"FailedEvaluations"`
}

func (a *api) putEvaluations(ctx context.Context, in *putEvaluationsInput) (*putEvaluationsOutput, error) {
	if err := validatePutEvaluations(in); err != nil {
		return nil, err
	}
	p := rules.PutEvaluationsParams{ResultToken: *in.ResultToken, TestMode: in.TestMode != nil && *in.TestMode}
	for _, e := range in.Evaluations {
		p.Evaluations = append(p.Evaluations, rules.Evaluation{
			ResourceType: *e.ComplianceResourceType, ResourceID: *e.ComplianceResourceId,
			ComplianceType: *e.ComplianceType, Annotation: valueOrEmpty(e.Annotation),
			OrderingTimestamp: e.OrderingTimestamp.Value(),
		})
	}
	if err := a.Rules.PutEvaluations(ctx, scope(ctx), p); err != nil {
		return nil, err
	}
	return &putEvaluationsOutput{FailedEvaluations: []Evaluation{}}, nil
}

func validatePutEvaluations(in *putEvaluationsInput) error {
	var v validate.Errors
	v.Items("evaluations", len(in.Evaluations), 0, 100, nil)
	for i, e := range in.Evaluations {
		validateEvaluation(&v, i, &e)
	}
	v.Required("resultToken", in.ResultToken != nil)
	return v.Err()
}

func validateEvaluation(v *validate.Errors, i int, e *Evaluation) {
	path := func(m string) string { return validate.Member("evaluations", i, m) }
	if v.Required(path("complianceResourceType"), e.ComplianceResourceType != nil) {
		v.Len(path("complianceResourceType"), *e.ComplianceResourceType, 1, 256)
	}
	if v.Required(path("complianceResourceId"), e.ComplianceResourceId != nil) {
		v.Len(path("complianceResourceId"), *e.ComplianceResourceId, 1, 768)
	}
	if v.Required(path("complianceType"), e.ComplianceType != nil) {
		v.Enum(path("complianceType"), *e.ComplianceType, complianceTypeValues...)
	}
	v.String(path("annotation"), e.Annotation, 1, 256)
	v.Required(path("orderingTimestamp"), e.OrderingTimestamp != nil)
}
