package runbooks

import (
	"context"
	"slices"
	"strconv"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/tenant"
)

// StepsParams are the inputs of Steps.
type StepsParams struct {
	Scope   tenant.Scope
	ID      string
	Filters []Filter
	Reverse bool
	// After is the Next of the previous page ("" for the first).
	After string
	Limit int
}

// StepsResult is one page of step runs.
type StepsResult struct {
	Steps []*engine.StepExecution
	Next  string
}

// stepStatuses are the statuses a StepExecutionStatus filter may name.
var stepStatuses = executionStatuses

// Steps pages through the step runs of an execution in the order they
// started (newest first with Reverse). Steps that never ran are not
// listed. Filter keys: StepExecutionStatus, StepExecutionId, StepName,
// Action, StartTimeBefore, StartTimeAfter, and for steps inside aws:loop
// ParentStepExecutionId, ParentStepIteration, ParentStepIteratorValue.
func (s *Service) Steps(ctx context.Context, p StepsParams) (*StepsResult, error) {
	match, err := stepMatcher(p.Filters)
	if err != nil {
		return nil, err
	}
	x, err := s.load(ctx, p.Scope, p.ID)
	if err != nil {
		return nil, err
	}
	runs := slices.Clone(x.StepExecutions)
	if p.Reverse {
		slices.Reverse(runs)
	}
	start := 0
	if p.After != "" {
		if start, err = strconv.Atoi(p.After); err != nil || start < 0 {
			return nil, awserr.New(awserr.InvalidNextToken, "The NextToken is not valid.")
		}
	}
	return pageSteps(runs, match, start, p.Limit), nil
}

// pageSteps picks up to limit matching runs from position start.
func pageSteps(runs []*engine.StepExecution, match func(*engine.StepExecution) bool, start, limit int) *StepsResult {
	res := &StepsResult{}
	for i := start; i < len(runs); i++ {
		if !match(runs[i]) {
			continue
		}
		if len(res.Steps) == limit {
			res.Next = strconv.Itoa(i)
			return res
		}
		res.Steps = append(res.Steps, runs[i])
	}
	return res
}

// stepMatcher compiles DescribeAutomationStepExecutions filters.
func stepMatcher(fs []Filter) (func(*engine.StepExecution) bool, error) {
	var tests []func(*engine.StepExecution) bool
	for _, f := range fs {
		t, err := stepTest(f)
		if err != nil {
			return nil, err
		}
		tests = append(tests, t)
	}
	return func(se *engine.StepExecution) bool {
		for _, t := range tests {
			if !t(se) {
				return false
			}
		}
		return true
	}, nil
}

// stepTest compiles one step filter.
func stepTest(f Filter) (func(*engine.StepExecution) bool, error) {
	anyOf := func(get func(*engine.StepExecution) string) func(*engine.StepExecution) bool {
		return func(se *engine.StepExecution) bool { return slices.Contains(f.Values, get(se)) }
	}
	switch f.Key {
	case "StepExecutionStatus":
		if v, ok := firstNotIn(f.Values, stepStatuses); ok {
			return nil, badFilterValue(f.Key, v, "a step status such as Success or Failed")
		}
		return anyOf(func(se *engine.StepExecution) string { return se.Status }), nil
	case "StepExecutionId":
		return anyOf(func(se *engine.StepExecution) string { return se.StepExecutionID }), nil
	case "StepName":
		return anyOf(func(se *engine.StepExecution) string { return se.StepName }), nil
	case "Action":
		return anyOf(func(se *engine.StepExecution) string { return se.Action }), nil
	case "StartTimeBefore", "StartTimeAfter":
		t, err := filterTime(f)
		if err != nil {
			return nil, err
		}
		before := f.Key == "StartTimeBefore"
		return func(se *engine.StepExecution) bool { return se.ExecutionStartTime.Before(t) == before }, nil
	case "ParentStepExecutionId", "ParentStepIteration", "ParentStepIteratorValue":
		return parentTest(f), nil
	}
	return nil, awserr.New(awserr.InvalidFilterKey, "Filter key %s is not supported.", f.Key)
}

// parentTest compiles the filters on a step's enclosing aws:loop run.
func parentTest(f Filter) func(*engine.StepExecution) bool {
	return func(se *engine.StepExecution) bool {
		d := se.ParentStepDetails
		if d == nil {
			return false
		}
		switch f.Key {
		case "ParentStepExecutionId":
			return slices.Contains(f.Values, d.StepExecutionID)
		case "ParentStepIteration":
			return slices.Contains(f.Values, strconv.Itoa(d.Iteration))
		}
		return slices.Contains(f.Values, d.IteratorValue)
	}
}
