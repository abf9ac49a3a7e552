package configservice

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListConfigurationRecorders", func(a *api) awsproto.Handler { return awsproto.JSON(a.listConfigurationRecorders) })

// recordingScopePaid is the recordingScope of a customer managed recorder
// (its items are billed); service-linked ones, which Salve lacks, are
// INTERNAL.
const recordingScopePaid = "PAID"

type listConfigurationRecordersInput struct {
	Filters    []configurationRecorderFilter `json:"Filters,omitempty"`
	MaxResults *int32                        `json:"MaxResults,omitempty"`
	NextToken  *string                       `json:"NextToken,omitempty"`
}

type configurationRecorderFilter struct {
	FilterName  *string  `json:"filterName,omitempty"`
	FilterValue []string `json:"filterValue,omitempty"`
}

type listConfigurationRecordersOutput struct {
	ConfigurationRecorderSummaries []ConfigurationRecorderSummary `json:"ConfigurationRecorderSummaries"`
}

// ConfigurationRecorderSummary is the ConfigurationRecorderSummary shape.
type ConfigurationRecorderSummary struct {
	Arn            string `json:"arn"`
	Name           string `json:"name"`
	RecordingScope string `json:"recordingScope"`
}

func (a *api) listConfigurationRecorders(ctx context.Context, in *listConfigurationRecordersInput) (*listConfigurationRecordersOutput, error) {
	var v validate.Errors
	for i, f := range in.Filters {
		v.OptionalEnum(validate.Member("filters", i, "filterName"), f.FilterName, "recordingScope")
		for j, val := range f.FilterValue {
			v.Enum(validate.Member(validate.Member("filters", i, "filterValue"), j, ""), val, "INTERNAL", recordingScopePaid)
		}
	}
	v.RangeInt("maxResults", in.MaxResults, 0, 20)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if in.NextToken != nil {
		// Salve never returns a token: there is at most one recorder.
		return nil, validationError("The NextToken provided is invalid.")
	}
	recs, err := a.Recorder.DescribeRecorders(ctx, scope(ctx), recorder.DescribeRecordersParams{})
	if err != nil {
		return nil, err
	}
	out := &listConfigurationRecordersOutput{ConfigurationRecorderSummaries: []ConfigurationRecorderSummary{}}
	for _, r := range recs {
		if keepsPaid(in.Filters) {
			out.ConfigurationRecorderSummaries = append(out.ConfigurationRecorderSummaries,
				ConfigurationRecorderSummary{Arn: r.ARN, Name: r.Name, RecordingScope: recordingScopePaid})
		}
	}
	return out, nil
}

// keepsPaid reports whether the filters keep a PAID recorder.
func keepsPaid(filters []configurationRecorderFilter) bool {
	for _, f := range filters {
		if len(f.FilterValue) > 0 && !slices.Contains(f.FilterValue, recordingScopePaid) {
			return false
		}
	}
	return true
}
