package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeRemediationExecutionStatus", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeRemediationExecutionStatus)
})

type describeRemediationExecutionStatusInput struct {
	ConfigRuleName *string       `json:"ConfigRuleName,omitempty"`
	ResourceKeys   []ResourceKey `json:"ResourceKeys"`
	Limit          *int32        `json:"Limit,omitempty"`
	NextToken      *string       `json:"NextToken,omitempty"`
}

type describeRemediationExecutionStatusOutput struct {
	RemediationExecutionStatuses []RemediationExecutionStatus `json:"RemediationExecutionStatuses"`
	NextToken                    *string                      `json:"NextToken,omitempty"`
}

// describeRemediationExecutionStatus returns the latest execution of each
// resource of a rule (or of the given resources), a page at a time.
func (a *api) describeRemediationExecutionStatus(ctx context.Context, in *describeRemediationExecutionStatusInput) (*describeRemediationExecutionStatusOutput, error) {
	if err := validateDescribeRemediationExecutionStatus(in); err != nil {
		return nil, err
	}
	p := remediation.DescribeExecutionStatusParams{
		ConfigRuleName: *in.ConfigRuleName, Limit: int(optInt32(in.Limit)), NextToken: valueOrEmpty(in.NextToken),
	}
	if in.ResourceKeys != nil {
		p.Keys = toResourceKeys(in.ResourceKeys)
	}
	execs, next, err := a.Remediation.DescribeExecutionStatus(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	out := &describeRemediationExecutionStatusOutput{
		RemediationExecutionStatuses: make([]RemediationExecutionStatus, len(execs)), NextToken: omitEmpty(next),
	}
	for i := range execs {
		out.RemediationExecutionStatuses[i] = fromExecution(&execs[i])
	}
	return out, nil
}

func validateDescribeRemediationExecutionStatus(in *describeRemediationExecutionStatusInput) error {
	var v validate.Errors
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		validateRuleName(&v, "configRuleName", *in.ConfigRuleName, 128)
	}
	if in.ResourceKeys != nil {
		validateResourceKeys(&v, in.ResourceKeys)
	}
	v.RangeInt("limit", in.Limit, 0, 100)
	return v.Err()
}
