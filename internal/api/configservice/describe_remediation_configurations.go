package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeRemediationConfigurations", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeRemediationConfigurations)
})

type describeRemediationConfigurationsInput struct {
	ConfigRuleNames []string `json:"ConfigRuleNames"`
}

type describeRemediationConfigurationsOutput struct {
	RemediationConfigurations []RemediationConfiguration `json:"RemediationConfigurations"`
}

// describeRemediationConfigurations returns the configurations of the named
// rules; names without one (or without a rule) are left out, as the
// Terraform provider expects of an absent configuration.
func (a *api) describeRemediationConfigurations(ctx context.Context, in *describeRemediationConfigurationsInput) (*describeRemediationConfigurationsOutput, error) {
	var v validate.Errors
	if v.Required("configRuleNames", in.ConfigRuleNames != nil) {
		validateRuleNames(&v, "configRuleNames", in.ConfigRuleNames, 0, 25)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	cfgs, err := a.Remediation.DescribeConfigurations(ctx, scope(ctx), in.ConfigRuleNames)
	if err != nil {
		return nil, err
	}
	out := &describeRemediationConfigurationsOutput{RemediationConfigurations: make([]RemediationConfiguration, len(cfgs))}
	for i := range cfgs {
		out.RemediationConfigurations[i] = fromRemediationConfiguration(&cfgs[i])
	}
	return out, nil
}
