package events

import (
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

// Model patterns.
const (
	ruleNamePattern           = `[\.\-_A-Za-z0-9]+`
	busNamePattern            = `[/\.\-_A-Za-z0-9]+`
	busNameOrARNPattern       = `(arn:aws[\w-]*:events:[a-z]+-[a-z]+-[\w-]+:[0-9]{12}:event-bus\/)?[/\.\-_A-Za-z0-9]+`
	nonPartnerBusPattern      = `(arn:aws[\w-]*:events:[a-z]+-[a-z]+-[\w-]+:[0-9]{12}:event-bus\/)?[\.\-_A-Za-z0-9]+`
	targetIDPattern           = `[\.\-_A-Za-z0-9]+`
	transformerPathKeyPattern = `[A-Za-z0-9\_\-]+`
	headerKeyPattern          = `[!#$%&'*+-.^_` + "`" + `|~0-9a-zA-Z]+`
	headerValuePattern        = `[ \t]*[\x20-\x7E]+([ \t]+[\x20-\x7E]+)*[ \t]*`
	queryKeyPattern           = `[^\x00-\x1F\x7F]+`
	queryValuePattern         = `[^\x00-\x09\x0B\x0C\x0E-\x1F\x7F]+`
)

// maxTargetsPerRequest is how many targets PutTargets takes in one call
// (EventBridge's documented limit; the model allows 100).
const maxTargetsPerRequest = 10

// Rule is the Rule shape (ListRules) and, with CreatedBy, DescribeRule's
// output.
type Rule struct {
	Name               string  `json:"Name"`
	Arn                string  `json:"Arn"`
	EventPattern       *string `json:"EventPattern,omitempty"`
	State              string  `json:"State"`
	Description        *string `json:"Description,omitempty"`
	ScheduleExpression *string `json:"ScheduleExpression,omitempty"`
	RoleArn            *string `json:"RoleArn,omitempty"`
	EventBusName       string  `json:"EventBusName"`
}

func fromRule(r *events.Rule) Rule {
	return Rule{Name: r.Name, Arn: r.ARN, EventPattern: optional(r.EventPattern), State: r.State,
		Description: optional(r.Description), ScheduleExpression: optional(r.ScheduleExpression),
		RoleArn: optional(r.RoleARN), EventBusName: r.Bus}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Tag is the Tag shape.
type Tag struct {
	Key   *string `json:"Key,omitempty"`
	Value *string `json:"Value,omitempty"`
}

func validateTags(v *validate.Errors, path string, tags []Tag) {
	for i, t := range tags {
		if v.Required(validate.Member(path, i, "key"), t.Key != nil) {
			v.Len(validate.Member(path, i, "key"), *t.Key, 1, 128)
		}
		if v.Required(validate.Member(path, i, "value"), t.Value != nil) {
			v.Len(validate.Member(path, i, "value"), *t.Value, 0, 256)
		}
	}
}

func toTags(tags []Tag) []events.Tag {
	if len(tags) == 0 {
		return nil
	}
	out := make([]events.Tag, len(tags))
	for i, t := range tags {
		out[i] = events.Tag{Key: value(t.Key), Value: value(t.Value)}
	}
	return out
}

func fromTags(tags []events.Tag) []Tag {
	out := make([]Tag, len(tags))
	for i, t := range tags {
		out[i] = Tag{Key: &t.Key, Value: &t.Value}
	}
	return out
}

// validateRuleName checks a required RuleName member.
func validateRuleName(v *validate.Errors, path string, name *string) {
	if v.Required(path, name != nil) {
		v.Len(path, *name, 1, 64)
		v.Pattern(path, *name, ruleNamePattern)
	}
}

// validateBus checks an optional EventBusNameOrArn member.
func validateBus(v *validate.Errors, path string, bus *string) {
	if bus != nil {
		v.Len(path, *bus, 1, 1600)
		v.Pattern(path, *bus, busNameOrARNPattern)
	}
}

// validatePage checks the NextToken and Limit members of a listing.
func validatePage(v *validate.Errors, token *string, limit *int32) {
	v.String("nextToken", token, 1, 2048)
	v.RangeInt("limit", limit, 1, 100)
}
