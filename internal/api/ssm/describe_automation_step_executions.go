package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeAutomationStepExecutions", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeAutomationStepExecutions)
})

// stepExecutionFilterKeys is the StepExecutionFilterKey enum.
var stepExecutionFilterKeys = []string{"StartTimeBefore", "StartTimeAfter", "StepExecutionStatus",
	"StepExecutionId", "StepName", "Action", "ParentStepExecutionId", "ParentStepIteration",
	"ParentStepIteratorValue"}

type describeAutomationStepExecutionsInput struct {
	AutomationExecutionID *string            `json:"AutomationExecutionId,omitempty"`
	Filters               []automationFilter `json:"Filters,omitempty"`
	NextToken             *string            `json:"NextToken,omitempty"`
	MaxResults            *int32             `json:"MaxResults,omitempty"`
	ReverseOrder          *bool              `json:"ReverseOrder,omitempty"`
}

type describeAutomationStepExecutionsOutput struct {
	StepExecutions []stepExecution `json:"StepExecutions"`
	NextToken      *string         `json:"NextToken,omitempty"`
}

func (a *api) describeAutomationStepExecutions(ctx context.Context, in *describeAutomationStepExecutionsInput) (*describeAutomationStepExecutionsOutput, error) {
	var v validate.Errors
	validateExecutionID(&v, in.AutomationExecutionID)
	validateAutomationFilters(&v, in.Filters, 6, stepExecutionFilterKeys)
	v.RangeInt("maxResults", in.MaxResults, 1, 50)
	if err := v.Err(); err != nil {
		return nil, err
	}
	const list = "DescribeAutomationStepExecutions"
	after, err := decodeAutomationToken(list, in.NextToken)
	if err != nil {
		return nil, err
	}
	res, err := a.Runbooks.Steps(ctx, runbooks.StepsParams{Scope: scope(ctx), ID: *in.AutomationExecutionID,
		Filters: toRunbookFilters(in.Filters), Reverse: in.ReverseOrder != nil && *in.ReverseOrder,
		After: after, Limit: pageSize(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &describeAutomationStepExecutionsOutput{StepExecutions: make([]stepExecution, len(res.Steps))}
	for i, se := range res.Steps {
		out.StepExecutions[i] = toStepExecution(se)
	}
	out.NextToken = encodeAutomationToken(list, res.Next)
	return out, nil
}
