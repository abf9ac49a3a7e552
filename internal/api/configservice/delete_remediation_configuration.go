package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteRemediationConfiguration", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.deleteRemediationConfiguration)
})

type deleteRemediationConfigurationInput struct {
	ConfigRuleName *string `json:"ConfigRuleName,omitempty"`
	ResourceType   *string `json:"ResourceType,omitempty"`
}

type deleteRemediationConfigurationOutput struct{}

// deleteRemediationConfiguration removes a rule's remediation configuration.
func (a *api) deleteRemediationConfiguration(ctx context.Context, in *deleteRemediationConfigurationInput) (*deleteRemediationConfigurationOutput, error) {
	var v validate.Errors
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		validateRuleName(&v, "configRuleName", *in.ConfigRuleName, 128)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Remediation.DeleteConfiguration(ctx, scope(ctx), *in.ConfigRuleName, in.ResourceType); err != nil {
		return nil, err
	}
	return &deleteRemediationConfigurationOutput{}, nil
}
