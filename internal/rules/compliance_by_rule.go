package rules

import (
	"context"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// complianceByRulePage is how many rules DescribeComplianceByConfigRule
// returns per page (the operation has no Limit member).
const complianceByRulePage = 25

// ComplianceByRuleParams select the rules of DescribeComplianceByConfigRule.
type ComplianceByRuleParams struct {
	// Names, when given, are the only rules reported (each must exist).
	Names []string
	// Types keeps rules whose rolled-up compliance is one of them.
	Types     []string
	NextToken string
}

// RuleCompliance is the rolled-up compliance of one rule.
type RuleCompliance struct {
	RuleName   string
	Compliance Compliance
}

// RuleCompliancePage is one page of rule compliances.
type RuleCompliancePage struct {
	Items     []RuleCompliance
	NextToken string
}

// ComplianceByRule rolls up the compliance of rules from their results.
func (s *Service) ComplianceByRule(ctx context.Context, scope tenant.Scope, p ComplianceByRuleParams) (*RuleCompliancePage, error) {
	after, err := decodeToken("DescribeComplianceByConfigRule", p.NextToken)
	if err != nil {
		return nil, err
	}
	out := &RuleCompliancePage{}
	err = s.store.View(ctx, func(tx store.Tx) error {
		if len(p.Names) > 0 {
			out.Items, err = namedRuleCompliance(tx, scope, p)
			return err
		}
		out.Items, out.NextToken, err = ruleCompliancePage(tx, scope, p, after)
		return err
	})
	return out, err
}

func namedRuleCompliance(tx store.Tx, scope tenant.Scope, p ComplianceByRuleParams) ([]RuleCompliance, error) {
	var out []RuleCompliance
	seen := map[string]bool{}
	for _, name := range p.Names {
		if _, err := GetRule(tx, scope, name); err != nil {
			return nil, err
		}
		c, err := ruleCompliance(tx, scope, name)
		if err != nil {
			return nil, err
		}
		if !seen[name] && typeFilter(p.Types).keeps(c.Type) {
			out = append(out, RuleCompliance{RuleName: name, Compliance: c})
		}
		seen[name] = true
	}
	return out, nil
}

func ruleCompliancePage(tx store.Tx, scope tenant.Scope, p ComplianceByRuleParams, after string) ([]RuleCompliance, string, error) {
	pg := pager[RuleCompliance]{limit: complianceByRulePage}
	err := eachRule(tx, store.ScanParams{Bucket: scope.Bucket(kindRule), After: after}, func(r *Rule) (bool, error) {
		c, err := ruleCompliance(tx, scope, r.Name)
		if err != nil || !typeFilter(p.Types).keeps(c.Type) {
			return err == nil, err
		}
		return pg.add(RuleCompliance{RuleName: r.Name, Compliance: c}), nil
	})
	if err != nil || !pg.more {
		return pg.items, "", err
	}
	return pg.items, pagetoken.Encode("DescribeComplianceByConfigRule", pg.items[len(pg.items)-1].RuleName), nil
}

// ruleCompliance rolls up one rule's results.
func ruleCompliance(tx store.Tx, scope tenant.Scope, name string) (Compliance, error) {
	var t Tally
	err := eachResult(tx, store.ScanParams{Bucket: scope.Bucket(kindEval), Prefix: prefixOf(name)},
		func(r EvaluationResult) (bool, error) {
			t.Add(r.ComplianceType)
			return true, nil
		})
	return Rollup(t, ResourceContributorCap), err
}
