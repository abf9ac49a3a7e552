package orchestrator

import (
	"context"
	"errors"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// OnEvaluationChange is the rules.EvaluationTxHook that queues an
// automatic remediation for every resource evaluated NON_COMPLIANT, newly
// or again, in the transaction that records the evaluation; Run is woken
// once it has committed.
func (o *Orchestrator) OnEvaluationChange(tx store.Tx, changes []rules.EvaluationChange) (func(context.Context), error) {
	queued := false
	configs := map[ruleRef]*remediation.Configuration{}
	for _, c := range changes {
		if c.New != rules.NonCompliant {
			continue
		}
		ref := ruleRef{c.Scope, c.RuleName}
		cfg, seen := configs[ref]
		if !seen {
			var err error
			if cfg, err = remediation.FindConfiguration(tx, c.Scope, c.RuleName); err != nil {
				return nil, err
			}
			configs[ref] = cfg
		}
		if cfg == nil || !cfg.Automatic {
			continue
		}
		k := remediation.ResourceKey{ResourceType: c.ResourceType, ResourceID: c.ResourceID}
		if err := o.queueAutomatic(tx, c.Scope, c.RuleName, cfg, k, c.Old == rules.NonCompliant); err != nil {
			return nil, err
		}
		queued = true
	}
	if !queued {
		return nil, nil
	}
	return func(context.Context) { o.Wake() }, nil
}

// ruleRef names a rule in an account and region.
type ruleRef struct {
	scope tenant.Scope
	rule  string
}

// OnAutomaticEnabled is the remediation.AutomaticEnabledHook that queues
// every NON_COMPLIANT resource of a rule whose configuration became
// automatic.
func (o *Orchestrator) OnAutomaticEnabled(tx store.Tx, scope tenant.Scope, cfg *remediation.Configuration) error {
	refs, err := rules.ResourcesByCompliance(tx, scope, cfg.ConfigRuleName, rules.NonCompliant)
	if err != nil {
		return err
	}
	for _, r := range refs {
		k := remediation.ResourceKey{ResourceType: r.Type, ResourceID: r.ID}
		if err := o.queueAutomatic(tx, scope, cfg.ConfigRuleName, cfg, k, false); err != nil {
			return err
		}
	}
	return nil
}

// queueAutomatic queues an automatic execution of the rule's
// configuration (cfg, or the stored one when nil) for k, unless the
// configuration is missing or manual, the resource type does not match,
// an exception is in force, or an execution is already in flight.
// confirmed says an evaluation found the resource NON_COMPLIANT again
// with no other result in between: if its previous automatic execution
// SUCCEEDED, it did not fix the resource, and counts as a failed attempt
// (Ineffective). A runbook that "succeeds" without fixing the resource so
// ends, like a failing one, in an exception after MaximumAutomaticAttempts
// instead of looping.
func (o *Orchestrator) queueAutomatic(tx store.Tx, scope tenant.Scope, rule string, cfg *remediation.Configuration,
	k remediation.ResourceKey, confirmed bool) error {
	if cfg == nil {
		var err error
		if cfg, err = remediation.FindConfiguration(tx, scope, rule); err != nil || cfg == nil {
			return err
		}
	}
	if !cfg.Automatic || (cfg.ResourceType != "" && cfg.ResourceType != k.ResourceType) {
		return nil
	}
	_, excepted, err := o.p.Remediation.ActiveException(tx, scope, rule, k.ResourceType, k.ResourceID)
	if err != nil || excepted {
		return err
	}
	prev, err := remediation.FindExecution(tx, scope, rule, k.ResourceType, k.ResourceID)
	if err != nil {
		return err
	}
	if prev != nil && prev.State.InFlight() {
		return nil
	}
	if confirmed && prev != nil && prev.State == remediation.StateSucceeded && prev.Trigger == remediation.TriggerAutomatic && !prev.Ineffective {
		prev.Ineffective = true
		if err := remediation.PutExecution(tx, scope, prev); err != nil {
			return err
		}
		if n := failuresWithin(prev, cfg); n >= int(cfg.MaximumAutomaticAttempts) {
			return o.except(tx, scope, prev, cfg, n, "the runbook SUCCEEDED but the rule evaluated the resource NON_COMPLIANT again")
		}
	}
	e, err := o.p.Remediation.Enqueue(tx, scope, cfg, k, remediation.TriggerAutomatic)
	if errors.Is(err, remediation.ErrInFlight) {
		return nil
	}
	if err == nil {
		o.p.Logger.Info("remediation queued", "account", scope.AccountID, "region", scope.Region,
			"rule", rule, "resource", k.String(), "execution_id", e.ID, "attempt", e.Attempt)
	}
	return err
}
