package rules

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Summary counts compliant and non-compliant items, each up to a cap.
type Summary struct {
	Compliant    ContributorCount
	NonCompliant ContributorCount
	// At is when the summary was computed.
	At time.Time
}

// TypeSummary is the summary of the resources of one type; ResourceType is
// "" for the summary over every type.
type TypeSummary struct {
	ResourceType string
	Summary      Summary
}

// SummaryByRule counts the rules that are compliant and non-compliant, up
// to 25 each. Rules without results (INSUFFICIENT_DATA) count in neither.
func (s *Service) SummaryByRule(ctx context.Context, scope tenant.Scope) (*Summary, error) {
	var counts Tally
	err := s.store.View(ctx, func(tx store.Tx) error {
		return eachGroup(tx, store.ScanParams{Bucket: scope.Bucket(kindEval)},
			func(r EvaluationResult) string { return r.RuleName },
			func(_ string, results []EvaluationResult) (bool, error) {
				counts.Add(Rollup(TallyOf(results), ResourceContributorCap).Type)
				return true, nil
			})
	})
	if err != nil {
		return nil, err
	}
	return s.summary(counts, RuleContributorCap), nil
}

// SummaryByResourceType counts the resources that are compliant and
// non-compliant, up to 100 each: one summary per given type, or one over
// every type when none is given.
func (s *Service) SummaryByResourceType(ctx context.Context, scope tenant.Scope, types []string) ([]TypeSummary, error) {
	var out []TypeSummary
	err := s.store.View(ctx, func(tx store.Tx) error {
		if len(types) == 0 {
			return s.appendTypeSummary(tx, scope, "", &out)
		}
		seen := map[string]bool{}
		for _, t := range types {
			if !seen[t] {
				if err := s.appendTypeSummary(tx, scope, t, &out); err != nil {
					return err
				}
			}
			seen[t] = true
		}
		return nil
	})
	return out, err
}

func (s *Service) appendTypeSummary(tx store.Tx, scope tenant.Scope, resourceType string, out *[]TypeSummary) error {
	sp := store.ScanParams{Bucket: scope.Bucket(kindEvalByResource)}
	if resourceType != "" {
		sp.Prefix = prefixOf(resourceType)
	}
	var counts Tally
	err := eachGroup(tx, sp, resourceGroup, func(_ string, results []EvaluationResult) (bool, error) {
		counts.Add(Rollup(TallyOf(results), RuleContributorCap).Type)
		return true, nil
	})
	if err != nil {
		return err
	}
	*out = append(*out, TypeSummary{ResourceType: resourceType, Summary: *s.summary(counts, ResourceContributorCap)})
	return nil
}

func (s *Service) summary(counts Tally, cap int) *Summary {
	return &Summary{
		Compliant:    Capped(counts.Compliant, cap),
		NonCompliant: Capped(counts.NonCompliant, cap),
		At:           s.clock.Now(),
	}
}
