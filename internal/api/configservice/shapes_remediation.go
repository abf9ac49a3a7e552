package configservice

import (
	"maps"
	"slices"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/validate"
)

// Enum values of the remediation shapes (aws-api.md §3).
var (
	remediationTargetTypeValues = []string{remediation.TargetTypeSSMDocument}
	resourceValueTypeValues     = []string{remediation.ResourceIDValue}
)

// RemediationConfiguration is the RemediationConfiguration shape.
type RemediationConfiguration struct {
	ConfigRuleName           *string                              `json:"ConfigRuleName,omitempty"`
	TargetType               *string                              `json:"TargetType,omitempty"`
	TargetId                 *string                              `json:"TargetId,omitempty"`
	TargetVersion            *string                              `json:"TargetVersion,omitempty"`
	Parameters               map[string]RemediationParameterValue `json:"Parameters,omitempty"`
	ResourceType             *string                              `json:"ResourceType,omitempty"`
	Automatic                *bool                                `json:"Automatic,omitempty"`
	ExecutionControls        *ExecutionControls                   `json:"ExecutionControls,omitempty"`
	MaximumAutomaticAttempts *int32                               `json:"MaximumAutomaticAttempts,omitempty"`
	RetryAttemptSeconds      *int64                               `json:"RetryAttemptSeconds,omitempty"`
	Arn                      *string                              `json:"Arn,omitempty"`
	CreatedByService         *string                              `json:"CreatedByService,omitempty"`
}

// RemediationParameterValue is the RemediationParameterValue shape:
// exactly one of ResourceValue and StaticValue.
type RemediationParameterValue struct {
	ResourceValue *ResourceValue `json:"ResourceValue,omitempty"`
	StaticValue   *StaticValue   `json:"StaticValue,omitempty"`
}

// ResourceValue is the ResourceValue shape.
type ResourceValue struct {
	Value *string `json:"Value,omitempty"`
}

// StaticValue is the StaticValue shape; Values is required (nil = absent).
type StaticValue struct {
	Values []string `json:"Values"`
}

// ExecutionControls is the ExecutionControls shape.
type ExecutionControls struct {
	SsmControls *SsmControls `json:"SsmControls,omitempty"`
}

// SsmControls is the SsmControls shape.
type SsmControls struct {
	ConcurrentExecutionRatePercentage *int32 `json:"ConcurrentExecutionRatePercentage,omitempty"`
	ErrorPercentage                   *int32 `json:"ErrorPercentage,omitempty"`
}

// FailedRemediationBatch is the FailedRemediationBatch shape.
type FailedRemediationBatch struct {
	FailureMessage *string                    `json:"FailureMessage,omitempty"`
	FailedItems    []RemediationConfiguration `json:"FailedItems"`
}

// RemediationExceptionResourceKey is the RemediationExceptionResourceKey
// shape (PascalCase members, both optional in the model).
type RemediationExceptionResourceKey struct {
	ResourceType *string `json:"ResourceType,omitempty"`
	ResourceId   *string `json:"ResourceId,omitempty"`
}

// RemediationException is the RemediationException shape.
type RemediationException struct {
	ConfigRuleName *string             `json:"ConfigRuleName,omitempty"`
	ResourceType   *string             `json:"ResourceType,omitempty"`
	ResourceId     *string             `json:"ResourceId,omitempty"`
	Message        *string             `json:"Message,omitempty"`
	ExpirationTime *awsproto.Timestamp `json:"ExpirationTime,omitempty"`
}

// FailedRemediationExceptionBatch is the FailedRemediationExceptionBatch shape.
type FailedRemediationExceptionBatch struct {
	FailureMessage *string                `json:"FailureMessage,omitempty"`
	FailedItems    []RemediationException `json:"FailedItems"`
}

// FailedDeleteRemediationExceptionsBatch is the
// FailedDeleteRemediationExceptionsBatch shape.
type FailedDeleteRemediationExceptionsBatch struct {
	FailureMessage *string                           `json:"FailureMessage,omitempty"`
	FailedItems    []RemediationExceptionResourceKey `json:"FailedItems"`
}

// ResourceKey is the ResourceKey shape (lowerCamel members).
type ResourceKey struct {
	ResourceType *string `json:"resourceType,omitempty"`
	ResourceId   *string `json:"resourceId,omitempty"`
}

// RemediationExecutionStatus is the RemediationExecutionStatus shape.
type RemediationExecutionStatus struct {
	ResourceKey     *ResourceKey               `json:"ResourceKey,omitempty"`
	State           string                     `json:"State,omitempty"`
	StepDetails     []RemediationExecutionStep `json:"StepDetails"`
	InvocationTime  *awsproto.Timestamp        `json:"InvocationTime,omitempty"`
	LastUpdatedTime *awsproto.Timestamp        `json:"LastUpdatedTime,omitempty"`
}

// RemediationExecutionStep is the RemediationExecutionStep shape.
type RemediationExecutionStep struct {
	Name         string              `json:"Name,omitempty"`
	State        string              `json:"State,omitempty"`
	ErrorMessage string              `json:"ErrorMessage,omitempty"`
	StartTime    *awsproto.Timestamp `json:"StartTime,omitempty"`
	StopTime     *awsproto.Timestamp `json:"StopTime,omitempty"`
}

// failureGroup is the request items that failed for one reason.
type failureGroup struct {
	message string
	indexes []int
}

// groupFailures groups item failures by message, in the order each
// message first appears, with at most max items per group (the model's
// FailedItems bound): the FailedBatches of a batch operation.
func groupFailures(failures []remediation.ItemFailure, max int) []failureGroup {
	var out []failureGroup
	open := map[string]int{}
	for _, f := range failures {
		i, ok := open[f.Message]
		if !ok || len(out[i].indexes) == max {
			out = append(out, failureGroup{message: f.Message})
			i = len(out) - 1
			open[f.Message] = i
		}
		out[i].indexes = append(out[i].indexes, f.Index)
	}
	return out
}

// validateRemediationExceptionKeys checks a list of
// RemediationExceptionResourceKeys (1..100 items).
func validateRemediationExceptionKeys(v *validate.Errors, keys []RemediationExceptionResourceKey) {
	shown := make([]string, len(keys))
	for i, k := range keys {
		shown[i] = valueOrEmpty(k.ResourceType) + "/" + valueOrEmpty(k.ResourceId)
	}
	v.Items("resourceKeys", len(keys), 1, 100, shown)
	for i, k := range keys {
		v.String(validate.Member("resourceKeys", i, "resourceType"), k.ResourceType, 1, 256)
		v.String(validate.Member("resourceKeys", i, "resourceId"), k.ResourceId, 1, 1024)
	}
}

// validateResourceKeys checks a list of 1..100 ResourceKeys: every member
// is required, resourceType is the ResourceType enum.
func validateResourceKeys(v *validate.Errors, keys []ResourceKey) {
	shown := make([]string, len(keys))
	for i, k := range keys {
		shown[i] = valueOrEmpty(k.ResourceType) + "/" + valueOrEmpty(k.ResourceId)
	}
	v.Items("resourceKeys", len(keys), 1, 100, shown)
	for i, k := range keys {
		tp := validate.Member("resourceKeys", i, "resourceType")
		if v.Required(tp, k.ResourceType != nil) {
			v.Enum(tp, *k.ResourceType, resourceTypes...)
		}
		ip := validate.Member("resourceKeys", i, "resourceId")
		if v.Required(ip, k.ResourceId != nil) {
			v.Len(ip, *k.ResourceId, 1, 768)
		}
	}
}

// toExceptionKeys converts exception keys; absent members become "".
func toExceptionKeys(keys []RemediationExceptionResourceKey) []remediation.ResourceKey {
	out := make([]remediation.ResourceKey, len(keys))
	for i, k := range keys {
		out[i] = remediation.ResourceKey{ResourceType: valueOrEmpty(k.ResourceType), ResourceID: valueOrEmpty(k.ResourceId)}
	}
	return out
}

// toResourceKeys converts validated ResourceKeys.
func toResourceKeys(keys []ResourceKey) []remediation.ResourceKey {
	out := make([]remediation.ResourceKey, len(keys))
	for i, k := range keys {
		out[i] = remediation.ResourceKey{ResourceType: *k.ResourceType, ResourceID: *k.ResourceId}
	}
	return out
}

// fromRemediationConfiguration renders a stored configuration, defaults
// included.
func fromRemediationConfiguration(c *remediation.Configuration) RemediationConfiguration {
	out := RemediationConfiguration{
		ConfigRuleName: &c.ConfigRuleName, TargetType: &c.TargetType, TargetId: &c.TargetID,
		TargetVersion: omitEmpty(c.TargetVersion), ResourceType: omitEmpty(c.ResourceType),
		Automatic: &c.Automatic,
		ExecutionControls: &ExecutionControls{SsmControls: &SsmControls{
			ConcurrentExecutionRatePercentage: &c.ConcurrentExecutionRatePercentage,
			ErrorPercentage:                   &c.ErrorPercentage,
		}},
		MaximumAutomaticAttempts: &c.MaximumAutomaticAttempts, RetryAttemptSeconds: &c.RetryAttemptSeconds,
		Arn: &c.Arn, CreatedByService: omitEmpty(c.CreatedByService),
	}
	if len(c.Parameters) > 0 {
		out.Parameters = make(map[string]RemediationParameterValue, len(c.Parameters))
		for _, name := range slices.Sorted(maps.Keys(c.Parameters)) {
			out.Parameters[name] = fromParameterValue(c.Parameters[name])
		}
	}
	return out
}

func fromParameterValue(p remediation.ParameterValue) RemediationParameterValue {
	if p.IsResource() {
		return RemediationParameterValue{ResourceValue: &ResourceValue{Value: &p.ResourceValue}}
	}
	return RemediationParameterValue{StaticValue: &StaticValue{Values: append([]string{}, p.StaticValues...)}}
}

// fromException renders an exception.
func fromException(e *remediation.Exception) RemediationException {
	return RemediationException{
		ConfigRuleName: &e.ConfigRuleName, ResourceType: &e.ResourceType, ResourceId: &e.ResourceID,
		Message: omitEmpty(e.Message), ExpirationTime: awsproto.NewTimestamp(e.ExpirationTime),
	}
}

// fromExecution renders the status of an execution.
func fromExecution(e *remediation.Execution) RemediationExecutionStatus {
	steps := make([]RemediationExecutionStep, len(e.Steps))
	for i, s := range e.Steps {
		steps[i] = RemediationExecutionStep{Name: s.Name, State: string(s.State), ErrorMessage: s.ErrorMessage,
			StartTime: awsproto.NewTimestamp(s.StartTime), StopTime: awsproto.NewTimestamp(s.StopTime)}
	}
	return RemediationExecutionStatus{
		ResourceKey: &ResourceKey{ResourceType: &e.ResourceType, ResourceId: &e.ResourceID},
		State:       string(e.State), StepDetails: steps,
		InvocationTime: awsproto.NewTimestamp(e.InvocationTime), LastUpdatedTime: awsproto.NewTimestamp(e.LastUpdatedTime),
	}
}

// optInt32 returns *n, or 0 when absent.
func optInt32(n *int32) int32 {
	if n == nil {
		return 0
	}
	return *n
}
