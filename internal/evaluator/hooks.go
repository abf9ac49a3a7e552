package evaluator

import (
	"context"

	"github.com/salvehq/salve/internal/remediation/orchestrator"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// OnRuleEvent is the rules.RuleHook: inside the transaction that put,
// started or deleted a rule, it queues the rule's evaluation (AWS
// evaluates a new or changed managed rule at once) and keeps its periodic
// schedule. Call Wake after the commit (rules.OnRuleCommitted).
func (s *Service) OnRuleEvent(tx store.Tx, scope tenant.Scope, r *rules.Rule, ev rules.RuleEvent) error {
	if ev == rules.RuleDeleted {
		return Unschedule(tx, scope, r.Name)
	}
	now := s.p.Clock.Now()
	if cr, ok := custom(r); ok {
		if err := Enqueue(tx, now, Job{Scope: scope, Rule: r.Name, Reason: string(ev)}); err != nil || ev != rules.RulePut {
			return err
		}
		if freq := customFrequency(cr); freq > 0 {
			return Schedule(tx, scope, r.Name, now.Add(freq))
		}
		return Unschedule(tx, scope, r.Name)
	}
	br, ok := s.bind(r)
	if !ok {
		return Unschedule(tx, scope, r.Name)
	}
	if err := Enqueue(tx, now, Job{Scope: scope, Rule: r.Name, Reason: string(ev)}); err != nil {
		return err
	}
	if ev != rules.RulePut {
		return nil
	}
	if freq := Frequency(r, br.def.Periodic); freq > 0 {
		return Schedule(tx, scope, r.Name, now.Add(freq))
	}
	return Unschedule(tx, scope, r.Name)
}

// OnRemediated is the orchestrator's OnSucceeded hook: it asks the rule
// to evaluate the remediated resource again (a managed rule; a custom
// rule's evaluator runs outside Salve).
func (s *Service) OnRemediated(ctx context.Context, x orchestrator.Succeeded) {
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		return Enqueue(tx, s.p.Clock.Now(), Job{Scope: x.Scope, Rule: x.ConfigRuleName,
			ResourceType: x.ResourceType, ResourceID: x.ResourceID, Reason: "remediation succeeded"})
	})
	if err != nil {
		s.p.Logger.Error("queue re-evaluation after remediation", "rule", x.ConfigRuleName, "err", err)
		return
	}
	s.Wake()
}
