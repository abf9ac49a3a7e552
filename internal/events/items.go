package events

import (
	"encoding/json"

	"github.com/salvehq/salve/internal/configitem"
)

// Configuration item types.
const (
	ResourceTypeRule = "AWS::Events::Rule"
	ResourceTypeBus  = "AWS::Events::EventBus"
)

// recordRule records a rule's configuration item. AWS Config records
// AWS::Events::Rule with CloudFormation's property names; the resource id
// is the rule's ARN (unique across buses).
func (t *txn) recordRule(r *Rule, status string) error {
	it := &configitem.Item{ResourceType: ResourceTypeRule, ResourceID: r.ARN, ResourceName: r.Name, ARN: r.ARN,
		AvailabilityZone: "Regional", ResourceCreationTime: r.CreatedAt, Status: status, Tags: tagMap(r.Tags)}
	if status != configitem.StatusResourceDeleted {
		it.Configuration = ruleConfiguration(r)
	}
	return t.record(it)
}

func ruleConfiguration(r *Rule) map[string]any {
	c := map[string]any{"Arn": r.ARN, "Name": r.Name, "EventBusName": r.Bus, "State": r.State,
		"Targets": targetsConfiguration(r.Targets)}
	if r.EventPattern != "" {
		var pattern any
		if json.Unmarshal([]byte(r.EventPattern), &pattern) == nil {
			c["EventPattern"] = pattern
		}
	}
	setIf(c, "ScheduleExpression", r.ScheduleExpression)
	setIf(c, "Description", r.Description)
	setIf(c, "RoleArn", r.RoleARN)
	return c
}

func targetsConfiguration(targets []Target) []any {
	out := make([]any, 0, len(targets))
	for _, tg := range targets {
		c := map[string]any{"Id": tg.ID, "Arn": tg.ARN}
		setIf(c, "RoleArn", tg.RoleARN)
		if tg.Input != nil {
			c["Input"] = *tg.Input
		}
		if tg.InputPath != nil {
			c["InputPath"] = *tg.InputPath
		}
		if x := tg.InputTransformer; x != nil {
			c["InputTransformer"] = map[string]any{"InputPathsMap": anyMap(x.InputPathsMap), "InputTemplate": x.InputTemplate}
		}
		if p := tg.RetryPolicy; p != nil {
			retries, age := p.limits()
			c["RetryPolicy"] = map[string]any{"MaximumRetryAttempts": retries, "MaximumEventAgeInSeconds": int(age.Seconds())}
		}
		if d := tg.DeadLetterConfig; d != nil {
			c["DeadLetterConfig"] = map[string]any{"Arn": d.ARN}
		}
		out = append(out, c)
	}
	return out
}

// recordBus records a custom bus's configuration item.
func (t *txn) recordBus(b *Bus, status string) error {
	it := &configitem.Item{ResourceType: ResourceTypeBus, ResourceID: b.Name, ResourceName: b.Name, ARN: b.ARN,
		AvailabilityZone: "Regional", ResourceCreationTime: b.CreatedAt, Status: status, Tags: tagMap(b.Tags)}
	if status != configitem.StatusResourceDeleted {
		it.Configuration = map[string]any{"Name": b.Name, "Arn": b.ARN}
		setIf(it.Configuration, "Description", b.Description)
	}
	return t.record(it)
}

func setIf(m map[string]any, key, value string) {
	if value != "" {
		m[key] = value
	}
}

func anyMap(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func tagMap(tags []Tag) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	m := make(map[string]string, len(tags))
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return m
}
