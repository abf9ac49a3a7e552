package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("SelectResourceConfig", func(a *api) awsproto.Handler { return awsproto.JSON(a.selectResourceConfig) })

type selectResourceConfigInput struct {
	Expression *string `json:"Expression,omitempty"`
	Limit      *int32  `json:"Limit,omitempty"`
	NextToken  *string `json:"NextToken,omitempty"`
}

type selectResourceConfigOutput struct {
	Results   []string   `json:"Results"`
	QueryInfo *QueryInfo `json:"QueryInfo,omitempty"`
	NextToken string     `json:"NextToken,omitempty"`
}

// QueryInfo is the QueryInfo shape.
type QueryInfo struct {
	SelectFields []FieldInfo `json:"SelectFields"`
}

// FieldInfo is the FieldInfo shape.
type FieldInfo struct {
	Name string `json:"Name"`
}

// selectResourceConfig answers the subset of AWS Config's query language
// that recorder.Select documents.
func (a *api) selectResourceConfig(ctx context.Context, in *selectResourceConfigInput) (*selectResourceConfigOutput, error) {
	var v validate.Errors
	if v.Required("expression", in.Expression != nil) {
		v.Len("expression", *in.Expression, 1, 4096)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	limit, err := checkLimit(in.Limit, 100, 100)
	if err != nil {
		return nil, err
	}
	page, err := a.Recorder.Select(ctx, scope(ctx), recorder.SelectParams{
		Expression: *in.Expression, Limit: limit, NextToken: valueOrEmpty(in.NextToken)})
	if err != nil {
		return nil, err
	}
	out := &selectResourceConfigOutput{Results: page.Results, NextToken: page.NextToken,
		QueryInfo: &QueryInfo{SelectFields: make([]FieldInfo, 0, len(page.Fields))}}
	if out.Results == nil {
		out.Results = []string{}
	}
	for _, f := range page.Fields {
		out.QueryInfo.SelectFields = append(out.QueryInfo.SelectFields, FieldInfo{Name: f})
	}
	return out, nil
}
