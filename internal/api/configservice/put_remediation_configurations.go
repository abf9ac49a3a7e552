package configservice

import (
	"context"
	"maps"
	"slices"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutRemediationConfigurations", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.putRemediationConfigurations)
})

type putRemediationConfigurationsInput struct {
	RemediationConfigurations []RemediationConfiguration `json:"RemediationConfigurations"`
}

type putRemediationConfigurationsOutput struct {
	FailedBatches []FailedRemediationBatch `json:"FailedBatches"`
}

// putRemediationConfigurations adds or updates remediation configurations;
// items that cannot be stored come back in FailedBatches, one batch per
// reason.
func (a *api) putRemediationConfigurations(ctx context.Context, in *putRemediationConfigurationsInput) (*putRemediationConfigurationsOutput, error) {
	if err := validatePutRemediationConfigurations(in); err != nil {
		return nil, err
	}
	cfgs := make([]remediation.Configuration, len(in.RemediationConfigurations))
	for i := range in.RemediationConfigurations {
		cfgs[i] = toRemediationConfiguration(&in.RemediationConfigurations[i])
	}
	failures, err := a.Remediation.PutConfigurations(ctx, scope(ctx), cfgs)
	if err != nil {
		return nil, err
	}
	out := &putRemediationConfigurationsOutput{FailedBatches: []FailedRemediationBatch{}}
	for _, g := range groupFailures(failures, 25) {
		b := FailedRemediationBatch{FailureMessage: &g.message}
		for _, i := range g.indexes {
			b.FailedItems = append(b.FailedItems, in.RemediationConfigurations[i])
		}
		out.FailedBatches = append(out.FailedBatches, b)
	}
	return out, nil
}

func validatePutRemediationConfigurations(in *putRemediationConfigurationsInput) error {
	var v validate.Errors
	if v.Required("remediationConfigurations", in.RemediationConfigurations != nil) {
		names := make([]string, len(in.RemediationConfigurations))
		for i, c := range in.RemediationConfigurations {
			names[i] = valueOrEmpty(c.ConfigRuleName)
		}
		v.Items("remediationConfigurations", len(in.RemediationConfigurations), 0, 25, names)
	}
	for i := range in.RemediationConfigurations {
		validateRemediationConfiguration(&v, validate.Member("remediationConfigurations", i, ""), &in.RemediationConfigurations[i])
	}
	return v.Err()
}

// validateRemediationConfiguration checks one configuration at path.
func validateRemediationConfiguration(v *validate.Errors, path string, c *RemediationConfiguration) {
	if v.Required(path+".configRuleName", c.ConfigRuleName != nil) {
		validateRuleName(v, path+".configRuleName", *c.ConfigRuleName, 128)
	}
	if v.Required(path+".targetType", c.TargetType != nil) {
		v.Enum(path+".targetType", *c.TargetType, remediationTargetTypeValues...)
	}
	if v.Required(path+".targetId", c.TargetId != nil) {
		v.Len(path+".targetId", *c.TargetId, 1, 256)
	}
	validateRemediationParameters(v, path+".parameters", c.Parameters)
	if c.ExecutionControls != nil && c.ExecutionControls.SsmControls != nil {
		ssm, p := c.ExecutionControls.SsmControls, path+".executionControls.ssmControls"
		v.RangeInt(p+".concurrentExecutionRatePercentage", ssm.ConcurrentExecutionRatePercentage, 1, 100)
		v.RangeInt(p+".errorPercentage", ssm.ErrorPercentage, 1, 100)
	}
	v.RangeInt(path+".maximumAutomaticAttempts", c.MaximumAutomaticAttempts, 1, 25)
	v.Range(path+".retryAttemptSeconds", c.RetryAttemptSeconds, 1, 2678000)
	v.String(path+".arn", c.Arn, 1, 1024)
	v.String(path+".createdByService", c.CreatedByService, 1, 1024)
}

// validateRemediationParameters checks the Parameters map: at most 25
// entries, keys of 1..256 characters, each value exactly one of a
// ResourceValue (RESOURCE_ID) and a StaticValue (≤25 values of 1..256).
func validateRemediationParameters(v *validate.Errors, path string, params map[string]RemediationParameterValue) {
	names := slices.Sorted(maps.Keys(params))
	v.Items(path, len(names), 0, 25, names)
	for _, name := range names {
		p, vp := params[name], path+"."+name
		v.Len(path+".key", name, 1, 256)
		if (p.ResourceValue == nil) == (p.StaticValue == nil) {
			v.Add(vp, nil, "Member must have exactly one of ResourceValue or StaticValue")
			continue
		}
		if p.ResourceValue != nil && v.Required(vp+".resourceValue.value", p.ResourceValue.Value != nil) {
			v.Enum(vp+".resourceValue.value", *p.ResourceValue.Value, resourceValueTypeValues...)
		}
		if p.StaticValue != nil && v.Required(vp+".staticValue.values", p.StaticValue.Values != nil) {
			validateStaticValues(v, vp+".staticValue.values", p.StaticValue.Values)
		}
	}
}

func validateStaticValues(v *validate.Errors, path string, values []string) {
	v.Items(path, len(values), 0, 25, values)
	for i, s := range values {
		v.Len(validate.Member(path, i, ""), s, 1, 256)
	}
}

// toRemediationConfiguration converts a validated configuration; absent
// optional members become zero values (the domain applies defaults).
func toRemediationConfiguration(c *RemediationConfiguration) remediation.Configuration {
	out := remediation.Configuration{
		ConfigRuleName: *c.ConfigRuleName, TargetType: *c.TargetType, TargetID: *c.TargetId,
		TargetVersion: valueOrEmpty(c.TargetVersion), ResourceType: valueOrEmpty(c.ResourceType),
		Automatic: c.Automatic != nil && *c.Automatic,
	}
	if c.ExecutionControls != nil && c.ExecutionControls.SsmControls != nil {
		out.ConcurrentExecutionRatePercentage = optInt32(c.ExecutionControls.SsmControls.ConcurrentExecutionRatePercentage)
		out.ErrorPercentage = optInt32(c.ExecutionControls.SsmControls.ErrorPercentage)
	}
	out.MaximumAutomaticAttempts = optInt32(c.MaximumAutomaticAttempts)
	if c.RetryAttemptSeconds != nil {
		out.RetryAttemptSeconds = *c.RetryAttemptSeconds
	}
	if len(c.Parameters) > 0 {
		out.Parameters = make(map[string]remediation.ParameterValue, len(c.Parameters))
		for name, p := range c.Parameters {
			out.Parameters[name] = toParameterValue(p)
		}
	}
	return out
}

func toParameterValue(p RemediationParameterValue) remediation.ParameterValue {
	if p.ResourceValue != nil {
		return remediation.ParameterValue{ResourceValue: *p.ResourceValue.Value}
	}
	return remediation.ParameterValue{StaticValues: append([]string{}, p.StaticValue.Values...)}
}
