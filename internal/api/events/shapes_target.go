package events

import (
	"maps"
	"slices"

	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

// Target is the Target shape. Members for target types Salve does not
// deliver to (Kinesis, ECS, Batch, SQS, Redshift, SageMaker, AppSync, Run
// Command) are not decoded: such targets are refused by their ARN.
type Target struct {
	Id               *string           `json:"Id,omitempty"`
	Arn              *string           `json:"Arn,omitempty"`
	RoleArn          *string           `json:"RoleArn,omitempty"`
	Input            *string           `json:"Input,omitempty"`
	InputPath        *string           `json:"InputPath,omitempty"`
	InputTransformer *InputTransformer `json:"InputTransformer,omitempty"`
	HttpParameters   *HttpParameters   `json:"HttpParameters,omitempty"`
	DeadLetterConfig *DeadLetterConfig `json:"DeadLetterConfig,omitempty"`
	RetryPolicy      *RetryPolicy      `json:"RetryPolicy,omitempty"`
}

// InputTransformer is the InputTransformer shape.
type InputTransformer struct {
	InputPathsMap map[string]string `json:"InputPathsMap,omitempty"`
	InputTemplate *string           `json:"InputTemplate,omitempty"`
}

// HttpParameters is the HttpParameters shape (path parameters are not
// used: a URL target has no path placeholders).
type HttpParameters struct {
	PathParameterValues   []string          `json:"PathParameterValues,omitempty"`
	HeaderParameters      map[string]string `json:"HeaderParameters,omitempty"`
	QueryStringParameters map[string]string `json:"QueryStringParameters,omitempty"`
}

// DeadLetterConfig is the DeadLetterConfig shape.
type DeadLetterConfig struct {
	Arn *string `json:"Arn,omitempty"`
}

// RetryPolicy is the RetryPolicy shape.
type RetryPolicy struct {
	MaximumRetryAttempts     *int32 `json:"MaximumRetryAttempts,omitempty"`
	MaximumEventAgeInSeconds *int32 `json:"MaximumEventAgeInSeconds,omitempty"`
}

// validateTarget checks one target against the model.
func validateTarget(v *validate.Errors, i int, t *Target) {
	path := func(m string) string { return validate.Member("targets", i, m) }
	if v.Required(path("id"), t.Id != nil) {
		v.Len(path("id"), *t.Id, 1, 64)
		v.Pattern(path("id"), *t.Id, targetIDPattern)
	}
	if v.Required(path("arn"), t.Arn != nil) {
		v.Len(path("arn"), *t.Arn, 1, 1600)
	}
	v.String(path("roleArn"), t.RoleArn, 1, 1600)
	v.String(path("input"), t.Input, 0, 8192)
	v.String(path("inputPath"), t.InputPath, 0, 256)
	if x := t.InputTransformer; x != nil {
		validateTransformer(v, path("inputTransformer"), x)
	}
	if d := t.DeadLetterConfig; d != nil {
		v.String(path("deadLetterConfig.arn"), d.Arn, 1, 1600)
	}
	if r := t.RetryPolicy; r != nil {
		v.RangeInt(path("retryPolicy.maximumRetryAttempts"), r.MaximumRetryAttempts, 0, events.DefaultMaximumRetryAttempts)
		v.RangeInt(path("retryPolicy.maximumEventAgeInSeconds"), r.MaximumEventAgeInSeconds, 60, events.DefaultMaximumEventAgeInSeconds)
	}
	if h := t.HttpParameters; h != nil {
		validateHTTPParameters(v, path("httpParameters"), h)
	}
}

func validateTransformer(v *validate.Errors, path string, x *InputTransformer) {
	if v.Required(path+".inputTemplate", x.InputTemplate != nil) {
		v.Len(path+".inputTemplate", *x.InputTemplate, 1, 8192)
	}
	v.Items(path+".inputPathsMap", len(x.InputPathsMap), 0, 100, len(x.InputPathsMap))
	for _, k := range sortedKeys(x.InputPathsMap) {
		p := x.InputPathsMap[k]
		v.Len(path+".inputPathsMap.key", k, 1, 256)
		v.Pattern(path+".inputPathsMap.key", k, transformerPathKeyPattern)
		v.Len(path+".inputPathsMap.value", p, 0, 256)
	}
}

func validateHTTPParameters(v *validate.Errors, path string, h *HttpParameters) {
	for _, k := range sortedKeys(h.HeaderParameters) {
		val := h.HeaderParameters[k]
		v.Len(path+".headerParameters.key", k, 0, 512)
		v.Pattern(path+".headerParameters.key", k, headerKeyPattern)
		v.Len(path+".headerParameters.value", val, 0, 512)
		v.Pattern(path+".headerParameters.value", val, headerValuePattern)
	}
	for _, k := range sortedKeys(h.QueryStringParameters) {
		val := h.QueryStringParameters[k]
		v.Len(path+".queryStringParameters.key", k, 0, 512)
		v.Pattern(path+".queryStringParameters.key", k, queryKeyPattern)
		v.Len(path+".queryStringParameters.value", val, 0, 512)
		v.Pattern(path+".queryStringParameters.value", val, queryValuePattern)
	}
}

func toTarget(t *Target) events.Target {
	out := events.Target{ID: *t.Id, ARN: *t.Arn, RoleARN: value(t.RoleArn), Input: t.Input, InputPath: t.InputPath}
	if x := t.InputTransformer; x != nil {
		out.InputTransformer = &events.InputTransformer{InputPathsMap: x.InputPathsMap, InputTemplate: *x.InputTemplate}
	}
	if r := t.RetryPolicy; r != nil {
		out.RetryPolicy = &events.RetryPolicy{MaximumRetryAttempts: intPtr(r.MaximumRetryAttempts),
			MaximumEventAgeInSeconds: intPtr(r.MaximumEventAgeInSeconds)}
	}
	if d := t.DeadLetterConfig; d != nil {
		out.DeadLetterConfig = &events.DeadLetterConfig{ARN: value(d.Arn)}
	}
	if h := t.HttpParameters; h != nil {
		out.HTTPParameters = &events.HTTPParameters{HeaderParameters: h.HeaderParameters,
			QueryStringParameters: h.QueryStringParameters}
	}
	return out
}

func fromTarget(t *events.Target) Target {
	out := Target{Id: &t.ID, Arn: &t.ARN, RoleArn: optional(t.RoleARN), Input: t.Input, InputPath: t.InputPath}
	if x := t.InputTransformer; x != nil {
		out.InputTransformer = &InputTransformer{InputPathsMap: x.InputPathsMap, InputTemplate: &x.InputTemplate}
	}
	if r := t.RetryPolicy; r != nil {
		out.RetryPolicy = &RetryPolicy{MaximumRetryAttempts: int32Ptr(r.MaximumRetryAttempts),
			MaximumEventAgeInSeconds: int32Ptr(r.MaximumEventAgeInSeconds)}
	}
	if d := t.DeadLetterConfig; d != nil {
		out.DeadLetterConfig = &DeadLetterConfig{Arn: optional(d.ARN)}
	}
	if h := t.HTTPParameters; h != nil {
		out.HttpParameters = &HttpParameters{HeaderParameters: h.HeaderParameters,
			QueryStringParameters: h.QueryStringParameters}
	}
	return out
}

func intPtr(n *int32) *int {
	if n == nil {
		return nil
	}
	v := int(*n)
	return &v
}

func int32Ptr(n *int) *int32 {
	if n == nil {
		return nil
	}
	v := int32(*n)
	return &v
}

// FailedEntry is the PutTargetsResultEntry / RemoveTargetsResultEntry shape.
type FailedEntry struct {
	TargetId     string `json:"TargetId,omitempty"`
	ErrorCode    string `json:"ErrorCode,omitempty"`
	ErrorMessage string `json:"ErrorMessage,omitempty"`
}

func fromFailed(failed []events.FailedEntry) []FailedEntry {
	out := make([]FailedEntry, len(failed))
	for i, f := range failed {
		out[i] = FailedEntry{TargetId: f.TargetID, ErrorCode: f.ErrorCode, ErrorMessage: f.ErrorMessage}
	}
	return out
}

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }
