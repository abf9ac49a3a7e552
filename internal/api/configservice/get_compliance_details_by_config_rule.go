package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GetComplianceDetailsByConfigRule", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.getComplianceDetailsByConfigRule)
})

type getComplianceDetailsByConfigRuleInput struct {
	ConfigRuleName  *string  `json:"ConfigRuleName,omitempty"`
	ComplianceTypes []string `json:"ComplianceTypes,omitempty"`
	Limit           *int32   `json:"Limit,omitempty"`
	NextToken       *string  `json:"NextToken,omitempty"`
}

type evaluationResultsOutput struct {
	EvaluationResults []EvaluationResult `json:"EvaluationResults"`
	NextToken         string             `json:"NextToken,omitempty"`
}

func (a *api) getComplianceDetailsByConfigRule(ctx context.Context, in *getComplianceDetailsByConfigRuleInput) (*evaluationResultsOutput, error) {
	var v validate.Errors
	// Here the rule name is a StringWithCharLimit64, not the usual 128.
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		v.Len("configRuleName", *in.ConfigRuleName, 1, 64)
	}
	validateComplianceTypes(&v, in.ComplianceTypes)
	v.RangeInt("limit", in.Limit, 0, 100)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Rules.DetailsByRule(ctx, scope(ctx), rules.DetailsByRuleParams{
		RuleName: *in.ConfigRuleName, Types: in.ComplianceTypes,
		Limit: int(limitOrZero(in.Limit)), NextToken: valueOrEmpty(in.NextToken),
	})
	if err != nil {
		return nil, err
	}
	return &evaluationResultsOutput{EvaluationResults: toEvaluationResults(page.Results), NextToken: page.NextToken}, nil
}
