package ssm

import (
	"context"
	"errors"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeAutomationExecutions", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeAutomationExecutions)
})

// automationPage is the page size when MaxResults is absent.
const automationPage = 50

// automationExecutionFilterKeys is the AutomationExecutionFilterKey enum.
var automationExecutionFilterKeys = []string{"DocumentNamePrefix", "ExecutionStatus", "ExecutionId",
	"ParentExecutionId", "CurrentAction", "StartTimeBefore", "StartTimeAfter", "AutomationType", "TagKey",
	"TargetResourceGroup", "AutomationSubtype", "OpsItemId"}

type describeAutomationExecutionsInput struct {
	Filters    []automationFilter `json:"Filters,omitempty"`
	MaxResults *int32             `json:"MaxResults,omitempty"`
	NextToken  *string            `json:"NextToken,omitempty"`
}

type describeAutomationExecutionsOutput struct {
	AutomationExecutionMetadataList []automationExecutionMetadata `json:"AutomationExecutionMetadataList"`
	NextToken                       *string                       `json:"NextToken,omitempty"`
}

func (a *api) describeAutomationExecutions(ctx context.Context, in *describeAutomationExecutionsInput) (*describeAutomationExecutionsOutput, error) {
	var v validate.Errors
	validateAutomationFilters(&v, in.Filters, 10, automationExecutionFilterKeys)
	v.RangeInt("maxResults", in.MaxResults, 1, 50)
	if err := v.Err(); err != nil {
		return nil, err
	}
	after, err := decodeAutomationToken("DescribeAutomationExecutions", in.NextToken)
	if err != nil {
		return nil, err
	}
	res, err := a.Runbooks.List(ctx, runbooks.ListParams{Scope: scope(ctx), Filters: toRunbookFilters(in.Filters),
		After: after, Limit: pageSize(in.MaxResults)})
	if err != nil {
		return nil, err
	}
	out := &describeAutomationExecutionsOutput{AutomationExecutionMetadataList: make([]automationExecutionMetadata,
		len(res.Executions))}
	for i, x := range res.Executions {
		out.AutomationExecutionMetadataList[i] = toMetadata(x)
	}
	out.NextToken = encodeAutomationToken("DescribeAutomationExecutions", res.Next)
	return out, nil
}

// validateAutomationFilters checks AutomationExecutionFilter and
// StepExecutionFilter lists.
func validateAutomationFilters(v *validate.Errors, fs []automationFilter, max int, keys []string) {
	if fs != nil {
		v.Items("filters", len(fs), 1, max, len(fs))
	}
	for i, f := range fs {
		if key := validate.Member("filters", i, "key"); v.Required(key, f.Key != nil) {
			v.Enum(key, *f.Key, keys...)
		}
		values := validate.Member("filters", i, "values")
		if v.Required(values, f.Values != nil) {
			v.Items(values, len(f.Values), 1, 10, len(f.Values))
		}
		for _, s := range f.Values {
			v.Len(values+".member", s, 1, 150)
		}
	}
}

// toRunbookFilters converts validated filters.
func toRunbookFilters(fs []automationFilter) []runbooks.Filter {
	out := make([]runbooks.Filter, len(fs))
	for i, f := range fs {
		out[i] = runbooks.Filter{Key: *f.Key, Values: f.Values}
	}
	return out
}

// pageSize is MaxResults or the default page.
func pageSize(n *int32) int {
	if n == nil {
		return automationPage
	}
	return int(*n)
}

// decodeAutomationToken reads the NextToken of list.
func decodeAutomationToken(list string, tok *string) (string, error) {
	if tok == nil || *tok == "" {
		return "", nil
	}
	after, err := pagetoken.Decode(list, *tok)
	if errors.Is(err, pagetoken.ErrInvalid) {
		return "", awserr.New(awserr.InvalidNextToken,
			"The NextToken is not valid; pass the NextToken of the previous %s response.", list)
	}
	return after, err
}

// encodeAutomationToken makes the NextToken of list; nil on the last page.
func encodeAutomationToken(list, next string) *string {
	if next == "" {
		return nil
	}
	tok := pagetoken.Encode(list, next)
	return &tok
}
