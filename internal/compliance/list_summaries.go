package compliance

import (
	"context"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
)

// ListResourceSummariesResult is one page of per-resource summaries.
type ListResourceSummariesResult struct {
	Summaries []ResourceSummary
	NextToken string
}

// ListTypeSummariesResult is one page of per-compliance-type summaries.
type ListTypeSummariesResult struct {
	Summaries []TypeSummary
	NextToken string
}

// resourceSummaryFields are the filter keys of ListResourceComplianceSummaries.
var resourceSummaryFields = fieldSet[ResourceSummary]{
	"ComplianceType":  {text: func(r ResourceSummary) string { return r.ComplianceType }},
	"ResourceId":      {text: func(r ResourceSummary) string { return r.ResourceID }},
	"ResourceType":    {text: func(r ResourceSummary) string { return r.ResourceType }},
	"Status":          {text: func(r ResourceSummary) string { return r.Status }},
	"OverallSeverity": {text: func(r ResourceSummary) string { return r.OverallSeverity }},
	"ExecutionId":     {text: func(r ResourceSummary) string { return r.Execution.ID }},
	"ExecutionType":   {text: func(r ResourceSummary) string { return r.Execution.Type }},
	"ExecutionTime":   {time: func(r ResourceSummary) time.Time { return r.Execution.Time }},
}

// typeSummaryFields are the filter keys of ListComplianceSummaries: they
// choose the resources that are counted.
var typeSummaryFields = fieldSet[ResourceSummary]{
	"ComplianceType": resourceSummaryFields["ComplianceType"],
	"ResourceId":     resourceSummaryFields["ResourceId"],
	"ResourceType":   resourceSummaryFields["ResourceType"],
}

// ListResourceSummaries returns one page of (resource, compliance type)
// summaries, ordered by compliance type, then resource.
func (s *Service) ListResourceSummaries(ctx context.Context, p ListParams) (ListResourceSummariesResult, error) {
	match, err := compileFilters(resourceSummaryFields, p.Filters)
	if err != nil {
		return ListResourceSummariesResult{}, err
	}
	list := listName("ListResourceComplianceSummaries", p.Filters)
	after, err := decodeToken(list, p.NextToken)
	if err != nil {
		return ListResourceSummariesResult{}, err
	}
	limit := pageSize(p.MaxResults, DefaultSummariesPageSize)
	var hits []hit[ResourceSummary]
	err = s.eachSummary(ctx, p, after, func(key string, r ResourceSummary) bool {
		if match(r) {
			hits = append(hits, hit[ResourceSummary]{v: r, pos: key})
		}
		return len(hits) <= limit
	})
	if err != nil {
		return ListResourceSummariesResult{}, fmt.Errorf("list resource compliance summaries: %w", err)
	}
	out, next := paginate(hits, limit, list)
	return ListResourceSummariesResult{Summaries: out, NextToken: next}, nil
}

// ListTypeSummaries returns one page of compliance type summaries, ordered
// by compliance type. Types no selected resource holds are left out.
func (s *Service) ListTypeSummaries(ctx context.Context, p ListParams) (ListTypeSummariesResult, error) {
	match, err := compileFilters(typeSummaryFields, p.Filters)
	if err != nil {
		return ListTypeSummariesResult{}, err
	}
	list := listName("ListComplianceSummaries", p.Filters)
	afterType, err := decodeToken(list, p.NextToken)
	if err != nil {
		return ListTypeSummariesResult{}, err
	}
	after := ""
	if afterType != "" {
		after = afterAll(afterType)
	}
	limit := pageSize(p.MaxResults, DefaultSummariesPageSize)
	var resources []ResourceSummary
	types, more := 0, false
	err = s.eachSummary(ctx, p, after, func(_ string, r ResourceSummary) bool {
		if !match(r) {
			return true
		}
		if len(resources) == 0 || resources[len(resources)-1].ComplianceType != r.ComplianceType {
			if types == limit {
				more = true
				return false
			}
			types++
		}
		resources = append(resources, r)
		return true
	})
	if err != nil {
		return ListTypeSummariesResult{}, fmt.Errorf("list compliance summaries: %w", err)
	}
	return typePage(typeSummaries(resources), more, list), nil
}

// typePage builds a page of type summaries; the token resumes after the
// last type when more follow.
func typePage(summaries []TypeSummary, more bool, list string) ListTypeSummariesResult {
	out := ListTypeSummariesResult{Summaries: summaries}
	if more && len(summaries) > 0 {
		out.NextToken = pagetoken.Encode(list, summaries[len(summaries)-1].ComplianceType)
	}
	return out
}

// eachSummary calls fn on the resource summaries of p.Scope after the
// store key after, in key order, until fn returns false.
func (s *Service) eachSummary(ctx context.Context, p ListParams, after string, fn func(key string, r ResourceSummary) bool) error {
	bucket := bucketsOf(p.Scope).summaries
	return s.store.View(ctx, func(tx store.Tx) error {
		return scanEach(tx, store.ScanParams{Bucket: bucket, After: after}, func(it store.Item) (bool, error) {
			var rec summaryRecord
			if err := store.DecodeRecord(bucket, it.Key, it.Value, &rec); err != nil {
				return false, err
			}
			return fn(it.Key, rec.summary()), nil
		})
	})
}
