package evaluator

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Functions invokes the Lambda-style function of a CUSTOM_LAMBDA rule,
// asynchronously (AWS Config invokes rule functions with InvocationType
// Event; the function answers through PutEvaluations).
type Functions interface {
	InvokeAsync(ctx context.Context, scope tenant.Scope, function string, payload []byte) error
}

// UseFunctions lets the evaluator invoke custom rules' functions. Call it
// while composing the server, before Run.
func (s *Service) UseFunctions(f Functions) { s.functions = f }

// Message types of a custom rule's invoking event.
const (
	messageItemChange = "ConfigurationItemChangeNotification"
	messageScheduled  = "ScheduledNotification"
)

// customRule is an active CUSTOM_LAMBDA rule with its triggers.
type customRule struct {
	rule     *rules.Rule
	onChange bool
	periodic bool
}

// custom returns r as a custom rule Salve invokes, if it is one.
func custom(r *rules.Rule) (customRule, bool) {
	if r.Source.Owner != rules.OwnerCustomLambda || r.State != rules.StateActive {
		return customRule{}, false
	}
	c := customRule{rule: r}
	for _, d := range r.Source.SourceDetails {
		switch d.MessageType {
		case messageItemChange, "OversizedConfigurationItemChangeNotification":
			c.onChange = true
		case messageScheduled:
			c.periodic = true
		}
	}
	return c, c.onChange || c.periodic
}

// customRules returns the scope's custom rules Salve invokes.
func customRules(tx store.Tx, scope tenant.Scope) ([]customRule, error) {
	all, err := rules.ListRules(tx, scope)
	if err != nil {
		return nil, err
	}
	var out []customRule
	for _, r := range all {
		if c, ok := custom(r); ok {
			out = append(out, c)
		}
	}
	return out, nil
}

// invocation is the event a custom rule's function gets.
type invocation struct {
	Version          string `json:"version"`
	InvokingEvent    string `json:"invokingEvent"`
	RuleParameters   string `json:"ruleParameters"`
	ResultToken      string `json:"resultToken"`
	EventLeftScope   bool   `json:"eventLeftScope"`
	ExecutionRoleArn string `json:"executionRoleArn"`
	ConfigRuleArn    string `json:"configRuleArn"`
	ConfigRuleName   string `json:"configRuleName"`
	ConfigRuleID     string `json:"configRuleId"`
	AccountID        string `json:"accountId"`
	EvaluationMode   string `json:"evaluationMode"`
}

// invoke sends one invoking event to the rule's function. The result
// token is the rule's name, which PutEvaluations resolves.
func (s *Service) invoke(ctx context.Context, scope tenant.Scope, r *rules.Rule, invoking any, leftScope bool) {
	ev, err := json.Marshal(invoking)
	if err != nil {
		return
	}
	params := r.InputParameters
	if params == "" {
		params = "{}"
	}
	payload, err := json.Marshal(invocation{Version: "1.0", InvokingEvent: string(ev), RuleParameters: params,
		ResultToken: r.Name, EventLeftScope: leftScope, ConfigRuleArn: r.ARN, ConfigRuleName: r.Name,
		ConfigRuleID: r.ID, AccountID: scope.AccountID, EvaluationMode: "DETECTIVE",
		ExecutionRoleArn: "arn:aws:iam::" + scope.AccountID + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"})
	if err != nil {
		return
	}
	if err := s.functions.InvokeAsync(ctx, scope, r.Source.SourceIdentifier, payload); err != nil {
		s.p.Logger.Warn("custom rule function not invoked", "rule", r.Name, "function", r.Source.SourceIdentifier, "err", err)
	}
}

// itemEvent is the invoking event of a configuration item change.
func itemEvent(scope tenant.Scope, item *configitem.Item, now time.Time) any {
	return recorder.ItemNotification(scope, nil, &recorder.RecordedItem{Item: *item}, now)
}

// scheduledEvent is the invoking event of a periodic invocation.
func scheduledEvent(scope tenant.Scope, now time.Time) any {
	return map[string]any{"awsAccountId": scope.AccountID, "notificationCreationTime": now.UTC().Format(time.RFC3339Nano),
		"messageType": messageScheduled, "recordVersion": "1.0"}
}

// invokeForChanges invokes the change-triggered custom rules in scope of
// recorded changes.
func (s *Service) invokeForChanges(ctx context.Context, changes []recorder.Change) error {
	if s.functions == nil {
		return nil
	}
	type call struct {
		scope     tenant.Scope
		rule      *rules.Rule
		item      configitem.Item
		leftScope bool
	}
	var calls []call
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		byScope := map[tenant.Scope][]customRule{}
		for _, c := range changes {
			rs, ok := byScope[c.Scope]
			if !ok {
				var err error
				if rs, err = customRules(tx, c.Scope); err != nil {
					return err
				}
				byScope[c.Scope] = rs
			}
			if len(rs) == 0 {
				continue
			}
			item, err := s.p.Recorder.CurrentItem(tx, c.Scope, c.ResourceType, c.ResourceID)
			if err != nil || item == nil {
				return err
			}
			for _, cr := range rs {
				types := []string(nil)
				if cr.rule.Scope != nil {
					types = cr.rule.Scope.ComplianceResourceTypes
				}
				if !cr.onChange || (len(types) > 0 && !slices.Contains(types, c.ResourceType)) {
					continue
				}
				in := cr.rule.AppliesTo(item.ResourceType, item.ResourceID, item.Tags)
				calls = append(calls, call{c.Scope, cr.rule, *item, item.Deleted() || !in})
			}
		}
		return nil
	})
	now := s.p.Clock.Now()
	for _, c := range calls {
		s.invoke(ctx, c.scope, c.rule, itemEvent(c.scope, &c.item, now), c.leftScope)
	}
	return err
}

// invokeRule invokes a custom rule for a rule job: once per current item
// in its scope for a change-triggered rule, once with a scheduled event
// for a periodic one.
func (s *Service) invokeRule(ctx context.Context, j Job, cr customRule) error {
	now := s.p.Clock.Now()
	if cr.periodic && j.ResourceID == "" {
		s.invoke(ctx, j.Scope, cr.rule, scheduledEvent(j.Scope, now), false)
	}
	if !cr.onChange || cr.rule.Scope == nil || len(cr.rule.Scope.ComplianceResourceTypes) == 0 {
		return nil
	}
	var items []configitem.Item
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		for _, typ := range cr.rule.Scope.ComplianceResourceTypes {
			if j.ResourceType != "" && typ != j.ResourceType {
				continue
			}
			got, err := s.p.Recorder.CurrentItems(tx, j.Scope, typ)
			if err != nil {
				return err
			}
			for _, it := range got {
				if (j.ResourceID == "" || it.ResourceID == j.ResourceID) && cr.rule.AppliesTo(it.ResourceType, it.ResourceID, it.Tags) {
					items = append(items, it)
				}
			}
		}
		return nil
	})
	for i := range items {
		s.invoke(ctx, j.Scope, cr.rule, itemEvent(j.Scope, &items[i], now), false)
	}
	return err
}
