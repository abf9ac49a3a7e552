package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeComplianceByConfigRule", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeComplianceByConfigRule)
})

type describeComplianceByConfigRuleInput struct {
	ConfigRuleNames []string `json:"ConfigRuleNames,omitempty"`
	ComplianceTypes []string `json:"ComplianceTypes,omitempty"`
	NextToken       *string  `json:"NextToken,omitempty"`
}

type describeComplianceByConfigRuleOutput struct {
	ComplianceByConfigRules []complianceByConfigRule `json:"ComplianceByConfigRules"`
	NextToken               string                   `json:"NextToken,omitempty"`
}

// complianceByConfigRule is the ComplianceByConfigRule shape.
type complianceByConfigRule struct {
	ConfigRuleName string      `json:"ConfigRuleName"`
	Compliance     *Compliance `json:"Compliance,omitempty"`
}

func (a *api) describeComplianceByConfigRule(ctx context.Context, in *describeComplianceByConfigRuleInput) (*describeComplianceByConfigRuleOutput, error) {
	var v validate.Errors
	validateRuleNames(&v, "configRuleNames", in.ConfigRuleNames, 0, 25)
	validateComplianceTypes(&v, in.ComplianceTypes)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Rules.ComplianceByRule(ctx, scope(ctx), rules.ComplianceByRuleParams{
		Names: in.ConfigRuleNames, Types: in.ComplianceTypes, NextToken: valueOrEmpty(in.NextToken),
	})
	if err != nil {
		return nil, err
	}
	out := &describeComplianceByConfigRuleOutput{
		ComplianceByConfigRules: make([]complianceByConfigRule, 0, len(page.Items)), NextToken: page.NextToken,
	}
	for _, it := range page.Items {
		out.ComplianceByConfigRules = append(out.ComplianceByConfigRules,
			complianceByConfigRule{ConfigRuleName: it.RuleName, Compliance: toCompliance(it.Compliance)})
	}
	return out, nil
}
