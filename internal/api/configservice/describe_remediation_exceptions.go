package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeRemediationExceptions", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeRemediationExceptions)
})

type describeRemediationExceptionsInput struct {
	ConfigRuleName *string                           `json:"ConfigRuleName,omitempty"`
	ResourceKeys   []RemediationExceptionResourceKey `json:"ResourceKeys"`
	Limit          *int32                            `json:"Limit,omitempty"`
	NextToken      *string                           `json:"NextToken,omitempty"`
}

type describeRemediationExceptionsOutput struct {
	RemediationExceptions []RemediationException `json:"RemediationExceptions"`
	NextToken             *string                `json:"NextToken,omitempty"`
}

// describeRemediationExceptions returns the exceptions in force of a rule:
// those of the given keys, or every one a page at a time.
func (a *api) describeRemediationExceptions(ctx context.Context, in *describeRemediationExceptionsInput) (*describeRemediationExceptionsOutput, error) {
	if err := validateDescribeRemediationExceptions(in); err != nil {
		return nil, err
	}
	p := remediation.DescribeExceptionsParams{
		ConfigRuleName: *in.ConfigRuleName, Limit: int(optInt32(in.Limit)), NextToken: valueOrEmpty(in.NextToken),
	}
	if in.ResourceKeys != nil {
		p.Keys = toExceptionKeys(in.ResourceKeys)
	}
	excs, next, err := a.Remediation.DescribeExceptions(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	out := &describeRemediationExceptionsOutput{RemediationExceptions: make([]RemediationException, len(excs)), NextToken: omitEmpty(next)}
	for i := range excs {
		out.RemediationExceptions[i] = fromException(&excs[i])
	}
	return out, nil
}

func validateDescribeRemediationExceptions(in *describeRemediationExceptionsInput) error {
	var v validate.Errors
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		validateRuleName(&v, "configRuleName", *in.ConfigRuleName, 128)
	}
	if in.ResourceKeys != nil {
		validateRemediationExceptionKeys(&v, in.ResourceKeys)
	}
	v.RangeInt("limit", in.Limit, 0, 100)
	return v.Err()
}
