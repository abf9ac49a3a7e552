package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutConfigRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.putConfigRule) })

type putConfigRuleInput struct {
	ConfigRule *ConfigRule `json:"ConfigRule,omitempty"`
	Tags       []Tag       `json:"Tags,omitempty"`
}

type putConfigRuleOutput struct{}

func (a *api) putConfigRule(ctx context.Context, in *putConfigRuleInput) (*putConfigRuleOutput, error) {
	if err := validatePutConfigRule(in); err != nil {
		return nil, err
	}
	err := a.Rules.PutRule(ctx, scope(ctx), rules.PutRuleParams{Rule: toRule(in.ConfigRule), Tags: toTags(in.Tags)})
	if err != nil {
		return nil, err
	}
	return &putConfigRuleOutput{}, nil
}

func validatePutConfigRule(in *putConfigRuleInput) error {
	var v validate.Errors
	if v.Required("configRule", in.ConfigRule != nil) {
		validateConfigRule(&v, "configRule", in.ConfigRule)
	}
	validateTags(&v, in.Tags)
	return v.Err()
}

func validateConfigRule(v *validate.Errors, path string, r *ConfigRule) {
	if r.ConfigRuleName != nil {
		validateRuleName(v, path+".configRuleName", *r.ConfigRuleName, 128)
	}
	v.String(path+".configRuleArn", r.ConfigRuleArn, 1, 256)
	v.String(path+".configRuleId", r.ConfigRuleId, 1, 64)
	v.String(path+".description", r.Description, 0, 256)
	v.String(path+".inputParameters", r.InputParameters, 1, 1024)
	v.OptionalEnum(path+".maximumExecutionFrequency", r.MaximumExecutionFrequency, frequencyValues...)
	v.OptionalEnum(path+".configRuleState", r.ConfigRuleState, ruleStateValues...)
	v.String(path+".createdBy", r.CreatedBy, 1, 256)
	for i, m := range r.EvaluationModes {
		v.OptionalEnum(validate.Member(path+".evaluationModes", i, "mode"), m.Mode, evaluationModeValues...)
	}
	v.OptionalEnum(path+".ruleEvaluationVisibility", r.RuleEvaluationVisibility, visibilityValues...)
	if r.Scope != nil {
		validateScope(v, path+".scope", r.Scope)
	}
	if v.Required(path+".source", r.Source != nil) {
		validateSource(v, path+".source", r.Source)
	}
}

func validateScope(v *validate.Errors, path string, s *Scope) {
	v.Items(path+".complianceResourceTypes", len(s.ComplianceResourceTypes), 0, 100, s.ComplianceResourceTypes)
	for i, t := range s.ComplianceResourceTypes {
		v.Len(validate.Member(path+".complianceResourceTypes", i, ""), t, 1, 256)
	}
	v.String(path+".tagKey", s.TagKey, 1, 128)
	v.String(path+".tagValue", s.TagValue, 1, 256)
	v.String(path+".complianceResourceId", s.ComplianceResourceId, 1, 768)
	v.Items(path+".servicePrincipals", len(s.ServicePrincipals), 0, 100, s.ServicePrincipals)
	for i, p := range s.ServicePrincipals {
		v.Len(validate.Member(path+".servicePrincipals", i, ""), p, 1, 128)
	}
}

func validateSource(v *validate.Errors, path string, s *Source) {
	if v.Required(path+".owner", s.Owner != nil) {
		v.Enum(path+".owner", *s.Owner, ownerValues...)
	}
	v.String(path+".sourceIdentifier", s.SourceIdentifier, 1, 256)
	v.Items(path+".sourceDetails", len(s.SourceDetails), 0, 25, nil)
	for i, d := range s.SourceDetails {
		v.OptionalEnum(validate.Member(path+".sourceDetails", i, "eventSource"), d.EventSource, eventSourceValues...)
		v.OptionalEnum(validate.Member(path+".sourceDetails", i, "messageType"), d.MessageType, messageTypeValues...)
		v.OptionalEnum(validate.Member(path+".sourceDetails", i, "maximumExecutionFrequency"), d.MaximumExecutionFrequency, frequencyValues...)
	}
	if d := s.CustomPolicyDetails; d != nil {
		p := path + ".customPolicyDetails"
		if v.Required(p+".policyRuntime", d.PolicyRuntime != nil) {
			v.Len(p+".policyRuntime", *d.PolicyRuntime, 1, 64)
			v.Pattern(p+".policyRuntime", *d.PolicyRuntime, policyRuntimePattern)
		}
		if v.Required(p+".policyText", d.PolicyText != nil) {
			v.Len(p+".policyText", *d.PolicyText, 0, 10000)
		}
	}
}

func validateTags(v *validate.Errors, tags []Tag) {
	v.Items("tags", len(tags), 0, 50, nil)
	for i, t := range tags {
		if v.Required(validate.Member("tags", i, "key"), t.Key != nil) {
			v.Len(validate.Member("tags", i, "key"), *t.Key, 1, 128)
		}
		v.String(validate.Member("tags", i, "value"), t.Value, 0, 256)
	}
}

// toRule converts a validated ConfigRule to the domain's input.
func toRule(in *ConfigRule) rules.Rule {
	r := rules.Rule{
		Name: valueOrEmpty(in.ConfigRuleName), ARN: valueOrEmpty(in.ConfigRuleArn), ID: valueOrEmpty(in.ConfigRuleId),
		Description: valueOrEmpty(in.Description), InputParameters: valueOrEmpty(in.InputParameters),
		MaximumExecutionFrequency: valueOrEmpty(in.MaximumExecutionFrequency), State: valueOrEmpty(in.ConfigRuleState),
		RuleEvaluationVisibility: valueOrEmpty(in.RuleEvaluationVisibility),
		Source:                   toSource(in.Source),
		Scope:                    toScope(in.Scope),
	}
	for _, m := range in.EvaluationModes {
		if m.Mode != nil {
			r.EvaluationModes = append(r.EvaluationModes, *m.Mode)
		}
	}
	return r
}

func toScope(in *Scope) *rules.Scope {
	if in == nil {
		return nil
	}
	s := &rules.Scope{
		ComplianceResourceTypes: in.ComplianceResourceTypes, TagKey: valueOrEmpty(in.TagKey), TagValue: valueOrEmpty(in.TagValue),
		ComplianceResourceID: valueOrEmpty(in.ComplianceResourceId), ServicePrincipals: in.ServicePrincipals,
	}
	if s.TagKey == "" && s.TagValue == "" && s.ComplianceResourceID == "" &&
		len(s.ComplianceResourceTypes) == 0 && len(s.ServicePrincipals) == 0 {
		return nil
	}
	return s
}

func toSource(in *Source) rules.Source {
	s := rules.Source{Owner: valueOrEmpty(in.Owner), SourceIdentifier: valueOrEmpty(in.SourceIdentifier)}
	for _, d := range in.SourceDetails {
		s.SourceDetails = append(s.SourceDetails, rules.SourceDetail{
			EventSource: valueOrEmpty(d.EventSource), MessageType: valueOrEmpty(d.MessageType),
			MaximumExecutionFrequency: valueOrEmpty(d.MaximumExecutionFrequency),
		})
	}
	if d := in.CustomPolicyDetails; d != nil {
		s.CustomPolicyDetails = &rules.CustomPolicyDetails{
			PolicyRuntime: valueOrEmpty(d.PolicyRuntime), PolicyText: valueOrEmpty(d.PolicyText),
			EnableDebugLogDelivery: d.EnableDebugLogDelivery != nil && *d.EnableDebugLogDelivery,
		}
	}
	return s
}

func toTags(in []Tag) []rules.Tag {
	var out []rules.Tag
	for _, t := range in {
		out = append(out, rules.Tag{Key: valueOrEmpty(t.Key), Value: valueOrEmpty(t.Value)})
	}
	return out
}

// valueOrEmpty returns *s, or "" for nil.
func valueOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
