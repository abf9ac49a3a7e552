package configservice

import (
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/validate"
)

// Enum values of the rule, evaluation and compliance shapes (aws-api.md §3).
var (
	ownerValues          = []string{rules.OwnerCustomLambda, rules.OwnerAWS, rules.OwnerCustomPolicy}
	frequencyValues      = []string{"One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"}
	ruleStateValues      = []string{rules.StateActive, rules.StateDeleting, rules.StateDeletingResults, rules.StateEvaluating}
	evaluationModeValues = []string{rules.ModeDetective, rules.ModeProactive}
	visibilityValues     = []string{rules.VisibilityExternal, rules.VisibilityInternal}
	eventSourceValues    = []string{"aws.config"}
	messageTypeValues    = []string{rules.MessageConfigurationItemChange, rules.MessageSnapshotDeliveryCompleted,
		rules.MessageScheduled, rules.MessageOversizedConfigurationItemChange}
	complianceTypeValues = []string{rules.Compliant, rules.NonCompliant, rules.NotApplicable, rules.InsufficientData}
)

// Model patterns.
const (
	ruleNamePattern      = `.*\S.*`
	policyRuntimePattern = `guard\-2\.x\.x`
)

// ConfigRule is the ConfigRule shape.
type ConfigRule struct {
	ConfigRuleName            *string                       `json:"ConfigRuleName,omitempty"`
	ConfigRuleArn             *string                       `json:"ConfigRuleArn,omitempty"`
	ConfigRuleId              *string                       `json:"ConfigRuleId,omitempty"`
	Description               *string                       `json:"Description,omitempty"`
	Scope                     *Scope                        `json:"Scope,omitempty"`
	Source                    *Source                       `json:"Source,omitempty"`
	InputParameters           *string                       `json:"InputParameters,omitempty"`
	MaximumExecutionFrequency *string                       `json:"MaximumExecutionFrequency,omitempty"`
	ConfigRuleState           *string                       `json:"ConfigRuleState,omitempty"`
	CreatedBy                 *string                       `json:"CreatedBy,omitempty"`
	EvaluationModes           []EvaluationModeConfiguration `json:"EvaluationModes,omitempty"`
	RuleEvaluationVisibility  *string                       `json:"RuleEvaluationVisibility,omitempty"`
}

// Scope is the Scope shape of a ConfigRule.
type Scope struct {
	ComplianceResourceTypes []string `json:"ComplianceResourceTypes,omitempty"`
	TagKey                  *string  `json:"TagKey,omitempty"`
	TagValue                *string  `json:"TagValue,omitempty"`
	ComplianceResourceId    *string  `json:"ComplianceResourceId,omitempty"`
	ServicePrincipals       []string `json:"ServicePrincipals,omitempty"`
}

// Source is the Source shape of a ConfigRule.
type Source struct {
	Owner               *string              `json:"Owner,omitempty"`
	SourceIdentifier    *string              `json:"SourceIdentifier,omitempty"`
	SourceDetails       []SourceDetail       `json:"SourceDetails,omitempty"`
	CustomPolicyDetails *CustomPolicyDetails `json:"CustomPolicyDetails,omitempty"`
}

// SourceDetail is the SourceDetail shape.
type SourceDetail struct {
	EventSource               *string `json:"EventSource,omitempty"`
	MessageType               *string `json:"MessageType,omitempty"`
	MaximumExecutionFrequency *string `json:"MaximumExecutionFrequency,omitempty"`
}

// CustomPolicyDetails is the CustomPolicyDetails shape.
type CustomPolicyDetails struct {
	PolicyRuntime          *string `json:"PolicyRuntime,omitempty"`
	PolicyText             *string `json:"PolicyText,omitempty"`
	EnableDebugLogDelivery *bool   `json:"EnableDebugLogDelivery,omitempty"`
}

// EvaluationModeConfiguration is the EvaluationModeConfiguration shape.
type EvaluationModeConfiguration struct {
	Mode *string `json:"Mode,omitempty"`
}

// Tag is the Config Tag shape.
type Tag struct {
	Key   *string `json:"Key,omitempty"`
	Value *string `json:"Value,omitempty"`
}

// Evaluation is the Evaluation shape of PutEvaluations.
type Evaluation struct {
	ComplianceResourceType *string             `json:"ComplianceResourceType,omitempty"`
	ComplianceResourceId   *string             `json:"ComplianceResourceId,omitempty"`
	ComplianceType         *string             `json:"ComplianceType,omitempty"`
	Annotation             *string             `json:"Annotation,omitempty"`
	OrderingTimestamp      *awsproto.Timestamp `json:"OrderingTimestamp,omitempty"`
}

// EvaluationResult is the EvaluationResult shape.
type EvaluationResult struct {
	EvaluationResultIdentifier *EvaluationResultIdentifier `json:"EvaluationResultIdentifier,omitempty"`
	ComplianceType             string                      `json:"ComplianceType,omitempty"`
	ResultRecordedTime         *awsproto.Timestamp         `json:"ResultRecordedTime,omitempty"`
	ConfigRuleInvokedTime      *awsproto.Timestamp         `json:"ConfigRuleInvokedTime,omitempty"`
	Annotation                 string                      `json:"Annotation,omitempty"`
	ResultToken                string                      `json:"ResultToken,omitempty"`
}

// EvaluationResultIdentifier is the EvaluationResultIdentifier shape.
type EvaluationResultIdentifier struct {
	EvaluationResultQualifier *EvaluationResultQualifier `json:"EvaluationResultQualifier,omitempty"`
	OrderingTimestamp         *awsproto.Timestamp        `json:"OrderingTimestamp,omitempty"`
}

// EvaluationResultQualifier is the EvaluationResultQualifier shape.
type EvaluationResultQualifier struct {
	ConfigRuleName string `json:"ConfigRuleName,omitempty"`
	ResourceType   string `json:"ResourceType,omitempty"`
	ResourceId     string `json:"ResourceId,omitempty"`
	EvaluationMode string `json:"EvaluationMode,omitempty"`
}

// Compliance is the Compliance shape.
type Compliance struct {
	ComplianceType             string                      `json:"ComplianceType,omitempty"`
	ComplianceContributorCount *ComplianceContributorCount `json:"ComplianceContributorCount,omitempty"`
}

// ComplianceContributorCount is the ComplianceContributorCount shape.
type ComplianceContributorCount struct {
	CappedCount int  `json:"CappedCount"`
	CapExceeded bool `json:"CapExceeded"`
}

// ComplianceSummary is the ComplianceSummary shape.
type ComplianceSummary struct {
	CompliantResourceCount     *ComplianceContributorCount `json:"CompliantResourceCount,omitempty"`
	NonCompliantResourceCount  *ComplianceContributorCount `json:"NonCompliantResourceCount,omitempty"`
	ComplianceSummaryTimestamp *awsproto.Timestamp         `json:"ComplianceSummaryTimestamp,omitempty"`
}

// validateRuleName checks a rule name member against its model limits.
func validateRuleName(v *validate.Errors, path, name string, max int) {
	v.Len(path, name, 1, max)
	v.Pattern(path, name, ruleNamePattern)
}

// validateRuleNames checks a list of rule names.
func validateRuleNames(v *validate.Errors, path string, names []string, minItems, maxItems int) {
	v.Items(path, len(names), minItems, maxItems, names)
	for i, n := range names {
		validateRuleName(v, validate.Member(path, i, ""), n, 128)
	}
}

// validateComplianceTypes checks a ComplianceTypes filter.
func validateComplianceTypes(v *validate.Errors, types []string) {
	v.Items("complianceTypes", len(types), 0, 3, types)
	for i, t := range types {
		v.Enum(validate.Member("complianceTypes", i, ""), t, complianceTypeValues...)
	}
}

// toCompliance renders a rolled-up compliance.
func toCompliance(c rules.Compliance) *Compliance {
	out := &Compliance{ComplianceType: c.Type}
	if c.Contributors != nil {
		out.ComplianceContributorCount = toContributorCount(*c.Contributors)
	}
	return out
}

func toContributorCount(c rules.ContributorCount) *ComplianceContributorCount {
	return &ComplianceContributorCount{CappedCount: c.CappedCount, CapExceeded: c.CapExceeded}
}

// toComplianceSummary renders a summary.
func toComplianceSummary(s rules.Summary) *ComplianceSummary {
	return &ComplianceSummary{
		CompliantResourceCount:     toContributorCount(s.Compliant),
		NonCompliantResourceCount:  toContributorCount(s.NonCompliant),
		ComplianceSummaryTimestamp: awsproto.NewTimestamp(s.At),
	}
}

// toEvaluationResults renders stored results.
func toEvaluationResults(results []rules.EvaluationResult) []EvaluationResult {
	out := make([]EvaluationResult, 0, len(results))
	for _, r := range results {
		out = append(out, EvaluationResult{
			EvaluationResultIdentifier: &EvaluationResultIdentifier{
				EvaluationResultQualifier: &EvaluationResultQualifier{
					ConfigRuleName: r.RuleName, ResourceType: r.ResourceType,
					ResourceId: r.ResourceID, EvaluationMode: rules.ModeDetective,
				},
				OrderingTimestamp: awsproto.NewTimestamp(r.OrderingTimestamp),
			},
			ComplianceType:        r.ComplianceType,
			ResultRecordedTime:    awsproto.NewTimestamp(r.ResultRecordedTime),
			ConfigRuleInvokedTime: awsproto.NewTimestamp(r.ConfigRuleInvokedTime),
			Annotation:            r.Annotation,
			ResultToken:           r.ResultToken,
		})
	}
	return out
}

// fromRule renders a stored rule as the ConfigRule shape.
func fromRule(r *rules.Rule) ConfigRule {
	out := ConfigRule{
		ConfigRuleName: &r.Name, ConfigRuleArn: &r.ARN, ConfigRuleId: &r.ID,
		Description: omitEmpty(r.Description), InputParameters: omitEmpty(r.InputParameters),
		MaximumExecutionFrequency: omitEmpty(r.MaximumExecutionFrequency), ConfigRuleState: &r.State,
		CreatedBy: omitEmpty(r.CreatedBy), RuleEvaluationVisibility: omitEmpty(r.RuleEvaluationVisibility),
		Scope: fromScope(r.Scope), Source: fromSource(&r.Source),
	}
	for _, m := range r.EvaluationModes {
		out.EvaluationModes = append(out.EvaluationModes, EvaluationModeConfiguration{Mode: &m})
	}
	return out
}

func fromScope(s *rules.Scope) *Scope {
	if s == nil {
		return nil
	}
	return &Scope{
		ComplianceResourceTypes: s.ComplianceResourceTypes, TagKey: omitEmpty(s.TagKey), TagValue: omitEmpty(s.TagValue),
		ComplianceResourceId: omitEmpty(s.ComplianceResourceID), ServicePrincipals: s.ServicePrincipals,
	}
}

func fromSource(s *rules.Source) *Source {
	out := &Source{Owner: &s.Owner, SourceIdentifier: omitEmpty(s.SourceIdentifier)}
	for _, d := range s.SourceDetails {
		out.SourceDetails = append(out.SourceDetails, SourceDetail{
			EventSource: omitEmpty(d.EventSource), MessageType: omitEmpty(d.MessageType),
			MaximumExecutionFrequency: omitEmpty(d.MaximumExecutionFrequency),
		})
	}
	if d := s.CustomPolicyDetails; d != nil {
		out.CustomPolicyDetails = &CustomPolicyDetails{
			PolicyRuntime: &d.PolicyRuntime, PolicyText: &d.PolicyText, EnableDebugLogDelivery: &d.EnableDebugLogDelivery,
		}
	}
	return out
}

// omitEmpty returns a pointer to s, or nil for "" so the member is omitted.
func omitEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
