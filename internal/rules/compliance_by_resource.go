package rules

import (
	"context"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultComplianceByResourceLimit is DescribeComplianceByResource's page
// size when Limit is absent or 0.
const DefaultComplianceByResourceLimit = 10

// ComplianceByResourceParams select the resources of DescribeComplianceByResource.
type ComplianceByResourceParams struct {
	// ResourceType, when given, limits the report to resources of this type.
	ResourceType string
	// ResourceID, when given (with ResourceType), reports that one resource,
	// as INSUFFICIENT_DATA if no rule has evaluated it.
	ResourceID string
	// Types keeps resources whose rolled-up compliance is one of them.
	Types []string
	// Limit is the page size; 0 means DefaultComplianceByResourceLimit.
	Limit     int
	NextToken string
}

// ResourceComplianceItem is the rolled-up compliance of one resource.
type ResourceComplianceItem struct {
	Resource   ResourceRef
	Compliance Compliance
}

// ResourceCompliancePage is one page of resource compliances.
type ResourceCompliancePage struct {
	Items     []ResourceComplianceItem
	NextToken string
}

// ComplianceByResource rolls up the compliance of evaluated resources, in
// (type, id) order.
func (s *Service) ComplianceByResource(ctx context.Context, scope tenant.Scope, p ComplianceByResourceParams) (*ResourceCompliancePage, error) {
	if p.ResourceID != "" && p.ResourceType == "" {
		return nil, invalidParam("ResourceType is required when ResourceId is given: name the type of resource %s.", p.ResourceID)
	}
	after, err := decodeToken("DescribeComplianceByResource", p.NextToken)
	if err != nil {
		return nil, err
	}
	if p.Limit <= 0 {
		p.Limit = DefaultComplianceByResourceLimit
	}
	out := &ResourceCompliancePage{}
	err = s.store.View(ctx, func(tx store.Tx) error {
		if p.ResourceID != "" {
			out.Items, err = oneResourceCompliance(tx, scope, p)
			return err
		}
		out.Items, out.NextToken, err = resourceCompliancePage(tx, scope, p, after)
		return err
	})
	return out, err
}

func oneResourceCompliance(tx store.Tx, scope tenant.Scope, p ComplianceByResourceParams) ([]ResourceComplianceItem, error) {
	var t Tally
	err := eachResult(tx, store.ScanParams{Bucket: scope.Bucket(kindEvalByResource), Prefix: prefixOf(p.ResourceType, p.ResourceID)},
		func(r EvaluationResult) (bool, error) {
			t.Add(r.ComplianceType)
			return true, nil
		})
	c := Rollup(t, RuleContributorCap)
	if err != nil || !typeFilter(p.Types).keeps(c.Type) {
		return nil, err
	}
	return []ResourceComplianceItem{{Resource: ResourceRef{Type: p.ResourceType, ID: p.ResourceID}, Compliance: c}}, nil
}

func resourceCompliancePage(tx store.Tx, scope tenant.Scope, p ComplianceByResourceParams, after string) ([]ResourceComplianceItem, string, error) {
	sp := store.ScanParams{Bucket: scope.Bucket(kindEvalByResource)}
	if p.ResourceType != "" {
		sp.Prefix = prefixOf(p.ResourceType)
	}
	if after != "" {
		sp.After = afterGroup(after)
	}
	pg := pager[ResourceComplianceItem]{limit: p.Limit}
	err := eachGroup(tx, sp, resourceGroup, func(_ string, results []EvaluationResult) (bool, error) {
		c := Rollup(TallyOf(results), RuleContributorCap)
		if !typeFilter(p.Types).keeps(c.Type) {
			return true, nil
		}
		return pg.add(ResourceComplianceItem{Resource: results[0].Resource(), Compliance: c}), nil
	})
	if err != nil || !pg.more {
		return pg.items, "", err
	}
	last := pg.items[len(pg.items)-1].Resource
	return pg.items, pagetoken.Encode("DescribeComplianceByResource", store.Key(last.Type, last.ID)), nil
}

// resourceGroup groups results by resource.
func resourceGroup(r EvaluationResult) string { return store.Key(r.ResourceType, r.ResourceID) }
