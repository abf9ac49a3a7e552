package rules

import (
	"context"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Page sizes of the evaluation-result lists.
const (
	// DefaultDetailsByRuleLimit is GetComplianceDetailsByConfigRule's page
	// size when Limit is absent or 0.
	DefaultDetailsByRuleLimit = 10
	// detailsByResourcePage is GetComplianceDetailsByResource's page size
	// (the operation has no Limit member).
	detailsByResourcePage = 25
)

// DetailsByRuleParams select the results of GetComplianceDetailsByConfigRule.
type DetailsByRuleParams struct {
	RuleName string
	// Types keeps results of these compliance types (INSUFFICIENT_DATA is
	// not a filter).
	Types []string
	// Limit is the page size; 0 means DefaultDetailsByRuleLimit.
	Limit     int
	NextToken string
}

// DetailsByResourceParams select the results of GetComplianceDetailsByResource.
type DetailsByResourceParams struct {
	ResourceType string
	ResourceID   string
	// ResourceEvaluationID names a proactive evaluation. Salve runs none, so
	// it selects nothing.
	ResourceEvaluationID string
	// Types keeps results of these compliance types (INSUFFICIENT_DATA is
	// not a filter).
	Types     []string
	NextToken string
}

// ResultPage is one page of evaluation results.
type ResultPage struct {
	Results   []EvaluationResult
	NextToken string
}

// DetailsByRule lists a rule's results in (resource type, id) order.
func (s *Service) DetailsByRule(ctx context.Context, scope tenant.Scope, p DetailsByRuleParams) (*ResultPage, error) {
	if err := checkDetailTypes(p.Types); err != nil {
		return nil, err
	}
	after, err := decodeToken("GetComplianceDetailsByConfigRule", p.NextToken)
	if err != nil {
		return nil, err
	}
	if p.Limit <= 0 {
		p.Limit = DefaultDetailsByRuleLimit
	}
	var out *ResultPage
	err = s.store.View(ctx, func(tx store.Tx) error {
		if _, err := GetRule(tx, scope, p.RuleName); err != nil {
			return err
		}
		sp := store.ScanParams{Bucket: scope.Bucket(kindEval), Prefix: prefixOf(p.RuleName)}
		if after != "" {
			sp.After = prefixOf(p.RuleName) + after
		}
		out, err = resultPage(tx, sp, p.Types, p.Limit, "GetComplianceDetailsByConfigRule", resourceGroup)
		return err
	})
	return out, err
}

// DetailsByResource lists the results of every rule that evaluated one
// resource, in rule-name order.
func (s *Service) DetailsByResource(ctx context.Context, scope tenant.Scope, p DetailsByResourceParams) (*ResultPage, error) {
	if err := checkResourceSelector(p); err != nil {
		return nil, err
	}
	if err := checkDetailTypes(p.Types); err != nil {
		return nil, err
	}
	if p.ResourceEvaluationID != "" {
		return &ResultPage{}, nil
	}
	after, err := decodeToken("GetComplianceDetailsByResource", p.NextToken)
	if err != nil {
		return nil, err
	}
	var out *ResultPage
	err = s.store.View(ctx, func(tx store.Tx) error {
		prefix := prefixOf(p.ResourceType, p.ResourceID)
		sp := store.ScanParams{Bucket: scope.Bucket(kindEvalByResource), Prefix: prefix}
		if after != "" {
			sp.After = prefix + after
		}
		out, err = resultPage(tx, sp, p.Types, detailsByResourcePage, "GetComplianceDetailsByResource",
			func(r EvaluationResult) string { return store.Key(r.RuleName) })
		if err != nil {
			return err
		}
		return loadResults(tx, scope, out.Results)
	})
	return out, err
}

// resultPage reads one page of results; the NextToken of list holds
// tokenKey of the last result, which follows the scan prefix in the key.
func resultPage(tx store.Tx, sp store.ScanParams, types []string, limit int, list string,
	tokenKey func(EvaluationResult) string) (*ResultPage, error) {
	pg := pager[EvaluationResult]{limit: limit}
	err := eachResult(tx, sp, func(r EvaluationResult) (bool, error) {
		if !typeFilter(types).keeps(r.ComplianceType) {
			return true, nil
		}
		return pg.add(r), nil
	})
	if err != nil {
		return nil, err
	}
	out := &ResultPage{Results: pg.items}
	if pg.more {
		out.NextToken = pagetoken.Encode(list, tokenKey(pg.items[len(pg.items)-1]))
	}
	return out, nil
}

// loadResults replaces the by-resource index entries of results by the
// results they index.
func loadResults(tx store.Tx, scope tenant.Scope, results []EvaluationResult) error {
	for i, r := range results {
		full, err := getResult(tx, scope, r.RuleName, r.ResourceType, r.ResourceID)
		if err != nil {
			return err
		}
		if full != nil {
			results[i] = *full
		}
	}
	return nil
}

func checkDetailTypes(types []string) error {
	for _, t := range types {
		if t == InsufficientData {
			return invalidParam("INSUFFICIENT_DATA cannot be used as a ComplianceType for filtering results: use COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE.")
		}
	}
	return nil
}

func checkResourceSelector(p DetailsByResourceParams) error {
	byResource := p.ResourceType != "" || p.ResourceID != ""
	switch {
	case byResource && p.ResourceEvaluationID != "":
		return invalidParam("Give either ResourceType and ResourceId, or ResourceEvaluationId, not both.")
	case p.ResourceEvaluationID != "":
		return nil
	case p.ResourceType == "" || p.ResourceID == "":
		return invalidParam("ResourceType and ResourceId are both required (or give ResourceEvaluationId) to get the compliance details of a resource.")
	}
	return nil
}
