package rules

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// describeRulesPage is how many rules DescribeConfigRules returns per page.
const describeRulesPage = 25

// DescribeRulesParams select the rules of DescribeConfigRules.
type DescribeRulesParams struct {
	// Names, when given, are the only rules returned (each must exist).
	Names []string
	// EvaluationMode keeps rules that have this mode ("" keeps all).
	EvaluationMode string
	// Visibility keeps rules with this RuleEvaluationVisibility ("" keeps
	// all); a rule without one counts as EXTERNAL.
	Visibility string
	// NextToken continues a previous page.
	NextToken string
}

// RulePage is one page of rules.
type RulePage struct {
	Rules     []*Rule
	NextToken string
}

// DescribeRules lists rules by name or page by page in name order.
func (s *Service) DescribeRules(ctx context.Context, scope tenant.Scope, p DescribeRulesParams) (*RulePage, error) {
	after, err := decodeToken("DescribeConfigRules", p.NextToken)
	if err != nil {
		return nil, err
	}
	page := &RulePage{}
	err = s.store.View(ctx, func(tx store.Tx) error {
		if len(p.Names) > 0 {
			page.Rules, err = rulesByName(tx, scope, p)
			return err
		}
		page.Rules, page.NextToken, err = rulesPage(tx, scope, p, after)
		return err
	})
	return page, err
}

func rulesByName(tx store.Tx, scope tenant.Scope, p DescribeRulesParams) ([]*Rule, error) {
	var out []*Rule
	seen := map[string]bool{}
	for _, name := range p.Names {
		r, err := GetRule(tx, scope, name)
		if err != nil {
			return nil, err
		}
		if !seen[name] && p.keeps(r) {
			out = append(out, r)
		}
		seen[name] = true
	}
	return out, nil
}

func rulesPage(tx store.Tx, scope tenant.Scope, p DescribeRulesParams, after string) ([]*Rule, string, error) {
	var out []*Rule
	more := false
	err := eachRule(tx, store.ScanParams{Bucket: scope.Bucket(kindRule), After: after}, func(r *Rule) (bool, error) {
		if !p.keeps(r) {
			return true, nil
		}
		if len(out) == describeRulesPage {
			more = true
			return false, nil
		}
		out = append(out, r)
		return true, nil
	})
	if err != nil || !more {
		return out, "", err
	}
	return out, pagetoken.Encode("DescribeConfigRules", out[len(out)-1].Name), nil
}

func (p DescribeRulesParams) keeps(r *Rule) bool {
	if p.EvaluationMode != "" && !slices.Contains(r.EvaluationModes, p.EvaluationMode) {
		return false
	}
	if p.Visibility != "" && visibility(r) != p.Visibility {
		return false
	}
	return true
}

func visibility(r *Rule) string {
	if r.RuleEvaluationVisibility == "" {
		return VisibilityExternal
	}
	return r.RuleEvaluationVisibility
}

// decodeToken returns the position a NextToken of list continues after;
// an empty token starts at the beginning.
func decodeToken(list, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	after, err := pagetoken.Decode(list, token)
	if err != nil {
		return "", awserr.New(awserr.InvalidNextTokenException,
			"The nextToken provided is invalid: pass the NextToken of the previous response unchanged.")
	}
	return after, nil
}
