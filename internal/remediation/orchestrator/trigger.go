package orchestrator

import (
	"context"
	"errors"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// OnEvaluationChange is the rules.EvaluationChangeHook that queues an
// automatic remediation for every resource that became NON_COMPLIANT.
// It records the queued executions in one transaction; a failure is
// logged (the evaluation itself is already committed).
func (o *Orchestrator) OnEvaluationChange(ctx context.Context, changes []rules.EvaluationChange) {
	err := o.p.Store.Update(ctx, func(tx store.Tx) error {
		for _, c := range changes {
			if c.New != rules.NonCompliant {
				continue
			}
			k := remediation.ResourceKey{ResourceType: c.ResourceType, ResourceID: c.ResourceID}
			if err := o.queueAutomatic(tx, c.Scope, c.RuleName, nil, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		o.p.Logger.Error("queue automatic remediation", "err", err)
	}
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
		if err := o.queueAutomatic(tx, scope, cfg.ConfigRuleName, cfg, k); err != nil {
			return err
		}
	}
	return nil
}

// queueAutomatic queues an automatic execution of the rule's
// configuration (cfg, or the stored one when nil) for k, unless the
// configuration is missing or manual, the resource type does not match,
// an exception is in force, or an execution is already in flight.
func (o *Orchestrator) queueAutomatic(tx store.Tx, scope tenant.Scope, rule string, cfg *remediation.Configuration, k remediation.ResourceKey) error {
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
