package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeSecurityGroupRules", func(a *api) awsproto.QueryHandler {
	return handler(a.describeSecurityGroupRules)
})

type describeSecurityGroupRulesInput struct {
	common
	pageIn
	RuleIDs []string   `ec2:"SecurityGroupRuleId"`
	Filters []filterIn `ec2:"Filter"`
}

func (in *describeSecurityGroupRulesInput) validate() error { return in.check(5, 1000) }

type describeSecurityGroupRulesOutput struct {
	Rules     set[ruleXML] `xml:"securityGroupRuleSet"`
	NextToken string       `xml:"nextToken,omitempty"`
}

func (a *api) describeSecurityGroupRules(ctx context.Context, in *describeSecurityGroupRulesInput) (any, error) {
	sc := scope(ctx)
	rules, next, err := a.EC2.DescribeSecurityGroupRules(ctx, sc, sandbox.DescribeParams{IDs: in.RuleIDs,
		Filters: filters(in.Filters), Page: in.page()})
	if err != nil {
		return nil, err
	}
	out := mapSet(rules, func(r sandbox.GroupRule) ruleXML { return ruleOut(sc, r) })
	return describeSecurityGroupRulesOutput{Rules: out, NextToken: next}, nil
}
