package events

import (
	"slices"
	"time"
)

// Rule states.
const (
	StateEnabled  = "ENABLED"
	StateDisabled = "DISABLED"
	// StateEnabledWithCloudTrail is accepted and behaves as ENABLED (Salve
	// emits no CloudTrail management events to the bus).
	StateEnabledWithCloudTrail = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
)

// States lists the rule states in the model's order.
var States = []string{StateEnabled, StateDisabled, StateEnabledWithCloudTrail}

// DefaultBus is the name of the event bus every account has.
const DefaultBus = "default"

// Target kinds, decided by the target's ARN.
const (
	KindLambda = "lambda"
	KindSNS    = "sns"
	KindHTTP   = "http"
)

// Rule is an event rule and its targets.
type Rule struct {
	Name string `json:"name"`
	ARN  string `json:"arn"`
	Bus  string `json:"bus"`
	// EventPattern is the pattern as sent ("" for schedule-only rules).
	EventPattern string `json:"eventPattern,omitempty"`
	// ScheduleExpression is stored and described but never run.
	ScheduleExpression string    `json:"scheduleExpression,omitempty"`
	State              string    `json:"state"`
	Description        string    `json:"description,omitempty"`
	RoleARN            string    `json:"roleArn,omitempty"`
	CreatedBy          string    `json:"createdBy"`
	Tags               []Tag     `json:"tags,omitempty"`
	Targets            []Target  `json:"targets,omitempty"`
	CreatedAt          time.Time `json:"createdAt"`
	UpdatedAt          time.Time `json:"updatedAt"`
}

// Enabled reports whether the rule matches events.
func (r *Rule) Enabled() bool { return r.State != StateDisabled }

// target returns the rule's target with id, or nil.
func (r *Rule) target(id string) *Target {
	i := slices.IndexFunc(r.Targets, func(t Target) bool { return t.ID == id })
	if i < 0 {
		return nil
	}
	return &r.Targets[i]
}

// Target is where a rule sends matched events.
type Target struct {
	ID  string `json:"id"`
	ARN string `json:"arn"`
	// RoleARN is stored and listed, never assumed.
	RoleARN          string            `json:"roleArn,omitempty"`
	Input            *string           `json:"input,omitempty"`
	InputPath        *string           `json:"inputPath,omitempty"`
	InputTransformer *InputTransformer `json:"inputTransformer,omitempty"`
	RetryPolicy      *RetryPolicy      `json:"retryPolicy,omitempty"`
	DeadLetterConfig *DeadLetterConfig `json:"deadLetterConfig,omitempty"`
	HTTPParameters   *HTTPParameters   `json:"httpParameters,omitempty"`
}

// InputTransformer rewrites the event for a target: values picked from the
// event with JSON paths fill the <name> placeholders of InputTemplate.
type InputTransformer struct {
	InputPathsMap map[string]string `json:"inputPathsMap,omitempty"`
	InputTemplate string            `json:"inputTemplate"`
}

// RetryPolicy bounds the retries of a failed delivery; nil members take
// EventBridge's defaults (185 retries, 24 hours).
type RetryPolicy struct {
	MaximumRetryAttempts     *int `json:"maximumRetryAttempts,omitempty"`
	MaximumEventAgeInSeconds *int `json:"maximumEventAgeInSeconds,omitempty"`
}

// Retry policy defaults and bounds (the model's).
const (
	DefaultMaximumRetryAttempts     = 185
	DefaultMaximumEventAgeInSeconds = 86400
)

// limits returns the retries and event age a delivery gets.
func (p *RetryPolicy) limits() (int, time.Duration) {
	retries, age := DefaultMaximumRetryAttempts, DefaultMaximumEventAgeInSeconds
	if p != nil && p.MaximumRetryAttempts != nil {
		retries = *p.MaximumRetryAttempts
	}
	if p != nil && p.MaximumEventAgeInSeconds != nil {
		age = *p.MaximumEventAgeInSeconds
	}
	return retries, time.Duration(age) * time.Second
}

// DeadLetterConfig names where EventBridge would send undeliverable
// events; Salve keeps them as dead-letter records and notes this ARN.
type DeadLetterConfig struct {
	ARN string `json:"arn,omitempty"`
}

// HTTPParameters add headers and query string parameters to the requests
// of an http(s) target.
type HTTPParameters struct {
	HeaderParameters      map[string]string `json:"headerParameters,omitempty"`
	QueryStringParameters map[string]string `json:"queryStringParameters,omitempty"`
}

// Tag is a resource tag.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Bus is a custom event bus (the default bus is implicit).
type Bus struct {
	Name        string    `json:"name"`
	ARN         string    `json:"arn"`
	Description string    `json:"description,omitempty"`
	Tags        []Tag     `json:"tags,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}
