package runbooks

import (
	"context"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Filter is one AutomationExecutionFilter or StepExecutionFilter.
type Filter struct {
	Key    string
	Values []string
}

// ListParams are the inputs of List.
type ListParams struct {
	Scope   tenant.Scope
	Filters []Filter
	// After is the Next of the previous page ("" for the first).
	After string
	Limit int
}

// ListResult is one page of executions, newest first.
type ListResult struct {
	Executions []*Execution
	// Next continues the listing; "" on the last page.
	Next string
}

// executionStatuses are the statuses an ExecutionStatus filter may name.
var executionStatuses = []string{"Pending", "InProgress", "Waiting", "Success", "TimedOut", "Cancelling",
	"Cancelled", "Failed", "PendingApproval", "Approved", "Rejected", "Scheduled", "RunbookInProgress",
	"PendingChangeCalendarOverride", "ChangeCalendarOverrideApproved", "ChangeCalendarOverrideRejected",
	"CompletedWithSuccess", "CompletedWithFailure", "Exited"}

// List pages through the executions of a scope that pass every filter
// (values of one filter are alternatives). Filter keys: DocumentNamePrefix,
// ExecutionStatus, ExecutionId, ParentExecutionId, CurrentAction,
// StartTimeBefore, StartTimeAfter (RFC 3339 or epoch seconds),
// AutomationType (every Salve execution is Local); TagKey,
// TargetResourceGroup, AutomationSubtype and OpsItemId match nothing, as
// Salve executions have none of them.
func (s *Service) List(ctx context.Context, p ListParams) (*ListResult, error) {
	match, err := executionMatcher(p.Filters)
	if err != nil {
		return nil, err
	}
	res := &ListResult{}
	err = s.p.Store.View(ctx, func(tx store.Tx) error {
		return scanExecutions(tx, p, match, res)
	})
	return res, err
}

// scanExecutions fills res with the next page from the time index; Next
// is set only when another matching execution follows.
func scanExecutions(tx store.Tx, p ListParams, match func(*Execution) bool, res *ListResult) error {
	after, last := p.After, ""
	for {
		items, err := tx.Scan(store.ScanParams{Bucket: p.Scope.Bucket(kindByTime), After: after, Limit: 100})
		if err != nil || len(items) == 0 {
			return err
		}
		for _, it := range items {
			after = it.Key
			x, err := getExecution(tx, p.Scope, string(it.Value))
			if err != nil {
				return err
			}
			if !match(x) {
				continue
			}
			if len(res.Executions) == p.Limit {
				res.Next = last
				return nil
			}
			res.Executions, last = append(res.Executions, x), it.Key
		}
	}
}

// executionMatcher compiles DescribeAutomationExecutions filters.
func executionMatcher(fs []Filter) (func(*Execution) bool, error) {
	var tests []func(*Execution) bool
	for _, f := range fs {
		t, err := executionTest(f)
		if err != nil {
			return nil, err
		}
		tests = append(tests, t)
	}
	return func(x *Execution) bool {
		for _, t := range tests {
			if !t(x) {
				return false
			}
		}
		return true
	}, nil
}

// executionTest compiles one filter.
func executionTest(f Filter) (func(*Execution) bool, error) {
	anyOf := func(get func(*Execution) string) func(*Execution) bool {
		return func(x *Execution) bool { return slices.Contains(f.Values, get(x)) }
	}
	switch f.Key {
	case "DocumentNamePrefix":
		return func(x *Execution) bool {
			return slices.ContainsFunc(f.Values, func(v string) bool { return strings.HasPrefix(x.DocumentName, v) })
		}, nil
	case "ExecutionStatus":
		if v, ok := firstNotIn(f.Values, executionStatuses); ok {
			return nil, badFilterValue(f.Key, v, "one of "+strings.Join(executionStatuses, ", "))
		}
		return anyOf(func(x *Execution) string { return x.Status }), nil
	case "ExecutionId":
		return anyOf(func(x *Execution) string { return x.AutomationExecutionID }), nil
	case "ParentExecutionId":
		return anyOf(func(x *Execution) string { return x.ParentID }), nil
	case "CurrentAction":
		return anyOf(func(x *Execution) string { return x.CurrentAction }), nil
	case "AutomationType":
		return anyOf(func(*Execution) string { return "Local" }), nil
	case "StartTimeBefore", "StartTimeAfter":
		return startTimeTest(f)
	case "TagKey", "TargetResourceGroup", "AutomationSubtype", "OpsItemId":
		return func(*Execution) bool { return false }, nil
	}
	return nil, awserr.New(awserr.InvalidFilterKey, "Filter key %s is not supported.", f.Key)
}

// startTimeTest compiles StartTimeBefore / StartTimeAfter on the time the
// execution was started.
func startTimeTest(f Filter) (func(*Execution) bool, error) {
	t, err := filterTime(f)
	if err != nil {
		return nil, err
	}
	if f.Key == "StartTimeBefore" {
		return func(x *Execution) bool { return x.CreatedAt.Before(t) }, nil
	}
	return func(x *Execution) bool { return !x.CreatedAt.Before(t) }, nil
}

// firstNotIn returns the first value that is not allowed.
func firstNotIn(values, allowed []string) (string, bool) {
	for _, v := range values {
		if !slices.Contains(allowed, v) {
			return v, true
		}
	}
	return "", false
}

// badFilterValue is InvalidFilterValue naming what is expected.
func badFilterValue(key, value, want string) error {
	return awserr.New(awserr.InvalidFilterValue, "Filter %s value %q is not valid; use %s.", key, value, want)
}
