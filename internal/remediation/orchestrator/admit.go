package orchestrator

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ruleID names one rule of one tenant.
type ruleID struct {
	scope tenant.Scope
	rule  string
}

// admit starts the queued executions the SsmControls admit, oldest first.
func (o *Orchestrator) admit(ctx context.Context) (bool, error) {
	plan, err := o.plan(ctx)
	if err != nil {
		return false, err
	}
	err = parallel(plan, func(q remediation.QueueEntry) error { return o.start(ctx, q) })
	return len(plan) > 0, err
}

// plan picks, in one read, the queued executions to start now.
func (o *Orchestrator) plan(ctx context.Context) ([]remediation.QueueEntry, error) {
	var out []remediation.QueueEntry
	err := o.p.Store.View(ctx, func(tx store.Tx) error {
		out = nil
		queue, err := remediation.ScanQueue(tx, 0)
		if err != nil {
			return err
		}
		free := map[ruleID]int{}
		for _, q := range queue {
			if q.AwaitingApproval {
				continue
			}
			id := ruleID{q.Scope, q.ConfigRuleName}
			n, ok := free[id]
			if !ok {
				if n, err = o.freeSlots(tx, id); err != nil {
					return err
				}
			}
			if n > 0 {
				out = append(out, q)
			}
			free[id] = n - 1
		}
		return nil
	})
	return out, err
}

// freeSlots is how many executions of a rule may start now, logging a
// rule the ErrorPercentage stops.
func (o *Orchestrator) freeSlots(tx store.Tx, id ruleID) (int, error) {
	cfg, err := remediation.FindConfiguration(tx, id.scope, id.rule)
	if err != nil || cfg == nil {
		// A queued execution whose configuration is gone waits; deleting
		// a configuration removes its finished executions only.
		return 0, err
	}
	l, err := ruleLimits(tx, id.scope, cfg)
	if l.Blocked() {
		o.p.Logger.Warn("remediation stopped by ErrorPercentage", "account", id.scope.AccountID,
			"region", id.scope.Region, "rule", id.rule, "errors", l.Errors, "max_errors", l.MaxErrors,
			"non_compliant", l.NonCompliant)
	}
	return l.Free(), err
}

// start starts the Automation execution of one queued execution and
// records it IN_PROGRESS, or FAILED when the runbook cannot start.
func (o *Orchestrator) start(ctx context.Context, q remediation.QueueEntry) error {
	var e *remediation.Execution
	compliance := ""
	err := o.p.Store.View(ctx, func(tx store.Tx) error {
		var err error
		e, err = remediation.FindExecution(tx, q.Scope, q.ConfigRuleName, q.ResourceType, q.ResourceID)
		if err != nil || e == nil {
			return err
		}
		compliance, err = rules.ResourceCompliance(tx, q.Scope, q.ConfigRuleName, q.ResourceType, q.ResourceID)
		return err
	})
	if err != nil || e == nil || e.ID != q.ExecutionID || e.State != remediation.StateQueued {
		return err
	}
	if e.Trigger == remediation.TriggerAutomatic && (compliance == rules.Compliant || compliance == rules.NotApplicable) {
		return o.skip(ctx, q.Scope, e, compliance)
	}
	autoID, startErr := o.p.Automation.Start(ctx, runbooks.StartParams{
		Scope: q.Scope, DocumentName: e.Target.DocumentName, DocumentVersion: e.Target.DocumentVersion,
		Parameters: e.Target.Parameters, ClientToken: e.ID,
		ExecutedBy: q.Scope.ARN("iam", "role/aws-service-role/remediation.config.amazonaws.com/AWSServiceRoleForConfigRemediation"),
	})
	return o.update(ctx, q.Scope, e, func(tx store.Tx, cur *remediation.Execution) error {
		now := o.p.Clock.Now()
		if startErr != nil {
			cur.Steps = []remediation.Step{{Name: "StartAutomationExecution", State: remediation.StepFailed,
				ErrorMessage: startErr.Error(), StartTime: now, StopTime: now}}
			return fail(cur, now, fmt.Sprintf("the runbook %s could not start: %v", e.Target.DocumentName, startErr))
		}
		cur.AutomationExecutionID = autoID
		o.p.Logger.Info("remediation started", "rule", cur.ConfigRuleName, "resource", cur.Key().String(),
			"execution_id", cur.ID, "automation_execution_id", autoID)
		return cur.Transition(remediation.StateInProgress, now)
	}, func(cur *remediation.Execution) {
		if cur.State == remediation.StateInProgress {
			o.tracking(remediation.RunningEntry{Scope: q.Scope, ConfigRuleName: cur.ConfigRuleName,
				ResourceType: cur.ResourceType, ResourceID: cur.ResourceID, ExecutionID: cur.ID,
				AutomationExecutionID: cur.AutomationExecutionID}, false)
		}
	})
}

// update reloads e in a transaction, applies fn if it is still the
// resource's latest execution in the same state, and stores it; after the
// commit it calls each of committed with what it stored.
func (o *Orchestrator) update(ctx context.Context, scope tenant.Scope, e *remediation.Execution,
	fn func(tx store.Tx, cur *remediation.Execution) error, committed ...func(*remediation.Execution)) error {
	var stored *remediation.Execution
	err := o.p.Store.Update(ctx, func(tx store.Tx) error {
		stored = nil
		cur, err := remediation.FindExecution(tx, scope, e.ConfigRuleName, e.ResourceType, e.ResourceID)
		if err != nil || cur == nil || cur.ID != e.ID || cur.State != e.State {
			return err
		}
		stored = cur
		if err := fn(tx, cur); err != nil {
			return err
		}
		if err := remediation.PutExecution(tx, scope, cur); err != nil {
			return err
		}
		if cur.State == remediation.StateFailed {
			return o.afterFailure(tx, scope, cur)
		}
		return nil
	})
	if err == nil && stored != nil {
		for _, f := range committed {
			f(stored)
		}
		o.statusChanged(ctx, scope, stored)
	}
	return err
}

// SkippedStep names the one step of an automatic execution that did not
// run because its resource was no longer NON_COMPLIANT when its turn came.
const SkippedStep = "ResourceNoLongerNonCompliant"

// skip ends a queued automatic execution whose resource the rule
// evaluated COMPLIANT or NOT_APPLICABLE since it was queued (Salve acts on
// current compliance): it is recorded SUCCEEDED without running the
// runbook, with one SUCCEEDED step named SkippedStep. A manual execution
// runs as asked.
func (o *Orchestrator) skip(ctx context.Context, scope tenant.Scope, e *remediation.Execution, compliance string) error {
	return o.update(ctx, scope, e, func(_ store.Tx, cur *remediation.Execution) error {
		now := o.p.Clock.Now()
		cur.Steps = []remediation.Step{{Name: SkippedStep, State: remediation.StepSucceeded, StartTime: now, StopTime: now}}
		o.p.Logger.Info("remediation skipped: resource no longer NON_COMPLIANT", "rule", cur.ConfigRuleName,
			"resource", cur.Key().String(), "execution_id", cur.ID, "compliance", compliance)
		return cur.Transition(remediation.StateSucceeded, now)
	})
}
