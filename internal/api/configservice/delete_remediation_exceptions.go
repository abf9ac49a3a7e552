package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteRemediationExceptions", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.deleteRemediationExceptions)
})

type deleteRemediationExceptionsInput struct {
	ConfigRuleName *string                           `json:"ConfigRuleName,omitempty"`
	ResourceKeys   []RemediationExceptionResourceKey `json:"ResourceKeys"`
}

type deleteRemediationExceptionsOutput struct {
	FailedBatches []FailedDeleteRemediationExceptionsBatch `json:"FailedBatches"`
}

// deleteRemediationExceptions removes exceptions; keys without one come
// back in FailedBatches (or, when no key had one, as
// NoSuchRemediationExceptionException).
func (a *api) deleteRemediationExceptions(ctx context.Context, in *deleteRemediationExceptionsInput) (*deleteRemediationExceptionsOutput, error) {
	var v validate.Errors
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		validateRuleName(&v, "configRuleName", *in.ConfigRuleName, 128)
	}
	if v.Required("resourceKeys", in.ResourceKeys != nil) {
		validateRemediationExceptionKeys(&v, in.ResourceKeys)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	failures, err := a.Remediation.DeleteExceptions(ctx, scope(ctx), *in.ConfigRuleName, toExceptionKeys(in.ResourceKeys))
	if err != nil {
		return nil, err
	}
	out := &deleteRemediationExceptionsOutput{FailedBatches: []FailedDeleteRemediationExceptionsBatch{}}
	for _, g := range groupFailures(failures, 100) {
		b := FailedDeleteRemediationExceptionsBatch{FailureMessage: &g.message}
		for _, i := range g.indexes {
			b.FailedItems = append(b.FailedItems, in.ResourceKeys[i])
		}
		out.FailedBatches = append(out.FailedBatches, b)
	}
	return out, nil
}
