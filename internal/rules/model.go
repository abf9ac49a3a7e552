package rules

import "time"

// Source owners (Source.Owner).
const (
	OwnerAWS          = "AWS"
	OwnerCustomLambda = "CUSTOM_LAMBDA"
	OwnerCustomPolicy = "CUSTOM_POLICY"
)

// Compliance types of evaluations and roll-ups.
const (
	Compliant        = "COMPLIANT"
	NonCompliant     = "NON_COMPLIANT"
	NotApplicable    = "NOT_APPLICABLE"
	InsufficientData = "INSUFFICIENT_DATA"
)

// Rule states (ConfigRuleState). Salve only ever stores ACTIVE: deletion
// and evaluation finish inside the call that starts them.
const (
	StateActive          = "ACTIVE"
	StateDeleting        = "DELETING"
	StateDeletingResults = "DELETING_RESULTS"
	StateEvaluating      = "EVALUATING"
)

// Evaluation modes and rule-evaluation visibilities.
const (
	ModeDetective      = "DETECTIVE"
	ModeProactive      = "PROACTIVE"
	VisibilityExternal = "EXTERNAL"
	VisibilityInternal = "INTERNAL"
)

// Message types of a SourceDetail.
const (
	MessageConfigurationItemChange          = "ConfigurationItemChangeNotification"
	MessageSnapshotDeliveryCompleted        = "ConfigurationSnapshotDeliveryCompleted"
	MessageScheduled                        = "ScheduledNotification"
	MessageOversizedConfigurationItemChange = "OversizedConfigurationItemChangeNotification"
)

// Rule is a stored Config rule.
type Rule struct {
	Name                      string    `json:"name"`
	ARN                       string    `json:"arn"`
	ID                        string    `json:"id"`
	Description               string    `json:"description,omitempty"`
	Scope                     *Scope    `json:"scope,omitempty"`
	Source                    Source    `json:"source"`
	InputParameters           string    `json:"inputParameters,omitempty"`
	MaximumExecutionFrequency string    `json:"maximumExecutionFrequency,omitempty"`
	State                     string    `json:"state"`
	CreatedBy                 string    `json:"createdBy,omitempty"`
	EvaluationModes           []string  `json:"evaluationModes,omitempty"`
	RuleEvaluationVisibility  string    `json:"ruleEvaluationVisibility,omitempty"`
	Tags                      []Tag     `json:"tags,omitempty"`
	CreatedAt                 time.Time `json:"createdAt"`
	UpdatedAt                 time.Time `json:"updatedAt"`
}

// Scope limits the resources a rule evaluates.
type Scope struct {
	ComplianceResourceTypes []string `json:"complianceResourceTypes,omitempty"`
	TagKey                  string   `json:"tagKey,omitempty"`
	TagValue                string   `json:"tagValue,omitempty"`
	ComplianceResourceID    string   `json:"complianceResourceId,omitempty"`
	ServicePrincipals       []string `json:"servicePrincipals,omitempty"`
}

// Source says who owns a rule's logic and what triggers it.
type Source struct {
	Owner               string               `json:"owner"`
	SourceIdentifier    string               `json:"sourceIdentifier,omitempty"`
	SourceDetails       []SourceDetail       `json:"sourceDetails,omitempty"`
	CustomPolicyDetails *CustomPolicyDetails `json:"customPolicyDetails,omitempty"`
}

// SourceDetail is one trigger of a rule.
type SourceDetail struct {
	EventSource               string `json:"eventSource,omitempty"`
	MessageType               string `json:"messageType,omitempty"`
	MaximumExecutionFrequency string `json:"maximumExecutionFrequency,omitempty"`
}

// CustomPolicyDetails holds a CUSTOM_POLICY rule's Guard policy.
type CustomPolicyDetails struct {
	PolicyRuntime          string `json:"policyRuntime"`
	PolicyText             string `json:"policyText"`
	EnableDebugLogDelivery bool   `json:"enableDebugLogDelivery,omitempty"`
}

// Tag is a key/value tag given when a rule is created.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// ResourceRef names one evaluated resource.
type ResourceRef struct {
	Type string
	ID   string
}

// EvaluationResult is the stored result of one rule for one resource.
type EvaluationResult struct {
	RuleName              string    `json:"ruleName"`
	ResourceType          string    `json:"resourceType"`
	ResourceID            string    `json:"resourceId"`
	ComplianceType        string    `json:"complianceType"`
	Annotation            string    `json:"annotation,omitempty"`
	OrderingTimestamp     time.Time `json:"orderingTimestamp"`
	ResultRecordedTime    time.Time `json:"resultRecordedTime"`
	ConfigRuleInvokedTime time.Time `json:"configRuleInvokedTime"`
	ResultToken           string    `json:"resultToken"`
}

// Resource returns the resource the result is about.
func (r EvaluationResult) Resource() ResourceRef {
	return ResourceRef{Type: r.ResourceType, ID: r.ResourceID}
}
