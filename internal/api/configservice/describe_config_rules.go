package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeConfigRules", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeConfigRules) })

type describeConfigRulesInput struct {
	ConfigRuleNames []string                   `json:"ConfigRuleNames,omitempty"`
	Filters         *describeConfigRulesFilter `json:"Filters,omitempty"`
	NextToken       *string                    `json:"NextToken,omitempty"`
}

type describeConfigRulesFilter struct {
	EvaluationMode           *string `json:"EvaluationMode,omitempty"`
	RuleEvaluationVisibility *string `json:"RuleEvaluationVisibility,omitempty"`
}

type describeConfigRulesOutput struct {
	ConfigRules []ConfigRule `json:"ConfigRules"`
	NextToken   string       `json:"NextToken,omitempty"`
}

func (a *api) describeConfigRules(ctx context.Context, in *describeConfigRulesInput) (*describeConfigRulesOutput, error) {
	var v validate.Errors
	validateRuleNames(&v, "configRuleNames", in.ConfigRuleNames, 0, 25)
	f := in.Filters
	if f == nil {
		f = &describeConfigRulesFilter{}
	}
	v.OptionalEnum("filters.evaluationMode", f.EvaluationMode, evaluationModeValues...)
	v.OptionalEnum("filters.ruleEvaluationVisibility", f.RuleEvaluationVisibility, visibilityValues...)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Rules.DescribeRules(ctx, scope(ctx), rules.DescribeRulesParams{
		Names: in.ConfigRuleNames, EvaluationMode: valueOrEmpty(f.EvaluationMode),
		Visibility: valueOrEmpty(f.RuleEvaluationVisibility), NextToken: valueOrEmpty(in.NextToken),
	})
	if err != nil {
		return nil, err
	}
	out := &describeConfigRulesOutput{ConfigRules: make([]ConfigRule, 0, len(page.Rules)), NextToken: page.NextToken}
	for _, r := range page.Rules {
		out.ConfigRules = append(out.ConfigRules, fromRule(r))
	}
	return out, nil
}
