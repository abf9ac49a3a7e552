package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutRemediationExceptions", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.putRemediationExceptions)
})

type putRemediationExceptionsInput struct {
	ConfigRuleName *string                           `json:"ConfigRuleName,omitempty"`
	ResourceKeys   []RemediationExceptionResourceKey `json:"ResourceKeys"`
	Message        *string                           `json:"Message,omitempty"`
	ExpirationTime *awsproto.Timestamp               `json:"ExpirationTime,omitempty"`
}

type putRemediationExceptionsOutput struct {
	FailedBatches []FailedRemediationExceptionBatch `json:"FailedBatches"`
}

// putRemediationExceptions places exceptions on NON_COMPLIANT resources;
// other keys come back in FailedBatches, one batch per reason.
func (a *api) putRemediationExceptions(ctx context.Context, in *putRemediationExceptionsInput) (*putRemediationExceptionsOutput, error) {
	if err := validatePutRemediationExceptions(in); err != nil {
		return nil, err
	}
	p := remediation.PutExceptionsParams{
		ConfigRuleName: *in.ConfigRuleName, Keys: toExceptionKeys(in.ResourceKeys),
		Message: valueOrEmpty(in.Message), ExpirationTime: in.ExpirationTime.Value(),
	}
	failures, err := a.Remediation.PutExceptions(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	out := &putRemediationExceptionsOutput{FailedBatches: []FailedRemediationExceptionBatch{}}
	for _, g := range groupFailures(failures, 25) {
		b := FailedRemediationExceptionBatch{FailureMessage: &g.message}
		for _, i := range g.indexes {
			k := in.ResourceKeys[i]
			b.FailedItems = append(b.FailedItems, RemediationException{ConfigRuleName: in.ConfigRuleName,
				ResourceType: k.ResourceType, ResourceId: k.ResourceId, Message: in.Message, ExpirationTime: in.ExpirationTime})
		}
		out.FailedBatches = append(out.FailedBatches, b)
	}
	return out, nil
}

func validatePutRemediationExceptions(in *putRemediationExceptionsInput) error {
	var v validate.Errors
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		validateRuleName(&v, "configRuleName", *in.ConfigRuleName, 128)
	}
	if v.Required("resourceKeys", in.ResourceKeys != nil) {
		validateRemediationExceptionKeys(&v, in.ResourceKeys)
	}
	v.String("message", in.Message, 1, 1024)
	return v.Err()
}
