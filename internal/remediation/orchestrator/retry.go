package orchestrator

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// afterFailure retries a failed automatic execution, or, when
// MaximumAutomaticAttempts attempts failed within RetryAttemptSeconds,
// places an automatic remediation exception on the resource. A failed
// manual execution is not retried.
func (o *Orchestrator) afterFailure(tx store.Tx, scope tenant.Scope, e *remediation.Execution) error {
	if e.Trigger != remediation.TriggerAutomatic {
		return nil
	}
	cfg, err := remediation.FindConfiguration(tx, scope, e.ConfigRuleName)
	if err != nil || cfg == nil {
		return err
	}
	if n := failuresWithin(e, cfg); n >= int(cfg.MaximumAutomaticAttempts) {
		return o.except(tx, scope, e, cfg, n, strings.TrimSuffix(e.FailureReason, "."))
	}
	compliance, err := rules.ResourceCompliance(tx, scope, e.ConfigRuleName, e.ResourceType, e.ResourceID)
	if err != nil || compliance != rules.NonCompliant {
		return err
	}
	return o.queueAutomatic(tx, scope, e.ConfigRuleName, cfg, e.Key(), false)
}

// failuresWithin counts e (a failed or ineffective attempt) and its
// previous failures invoked within RetryAttemptSeconds of e.
func failuresWithin(e *remediation.Execution, cfg *remediation.Configuration) int {
	since := e.InvocationTime.Add(-time.Duration(cfg.RetryAttemptSeconds) * time.Second)
	n := 1
	for _, t := range e.PreviousFailures {
		if t.After(since) {
			n++
		}
	}
	return n
}

// except places the exception that stops automatic remediation of e's
// resource.
func (o *Orchestrator) except(tx store.Tx, scope tenant.Scope, e *remediation.Execution, cfg *remediation.Configuration, n int, last string) error {
	now := o.p.Clock.Now()
	// The advice comes before the failure detail, which may be cut to fit
	// the model's 1024-character Message.
	msg := fmt.Sprintf("Salve stopped automatic remediation: %d attempts failed within %d seconds "+
		"(MaximumAutomaticAttempts %d, RetryAttemptSeconds %d); fix the cause, then delete this exception. Last failure: %s",
		n, cfg.RetryAttemptSeconds, cfg.MaximumAutomaticAttempts, cfg.RetryAttemptSeconds, last)
	if r := []rune(msg); len(r) > 1024 {
		msg = string(r[:1024])
	}
	o.p.Logger.Warn("remediation excepted after repeated failures", "rule", e.ConfigRuleName,
		"resource", e.Key().String(), "failures", n)
	return remediation.PutException(tx, scope, &remediation.Exception{
		ConfigRuleName: e.ConfigRuleName, ResourceType: e.ResourceType, ResourceID: e.ResourceID,
		Message: msg, Automatic: true, CreatedAt: now, UpdatedAt: now,
	})
}

// releaseExpired queues an automatic remediation for every resource whose
// exception lapsed and that is still NON_COMPLIANT.
func (o *Orchestrator) releaseExpired(ctx context.Context) (bool, error) {
	// Most ticks find nothing due: read before taking the writer.
	var due []string
	err := o.p.Store.View(ctx, func(tx store.Tx) (err error) {
		due, _, err = remediation.ScanExpired(tx, o.p.Clock.Now())
		return err
	})
	if err != nil || len(due) == 0 {
		return false, err
	}
	changed := false
	err = o.p.Store.Update(ctx, func(tx store.Tx) error {
		keys, entries, err := remediation.ScanExpired(tx, o.p.Clock.Now())
		if err != nil {
			return err
		}
		changed = len(keys) > 0
		for i, x := range entries {
			if err := remediation.DeleteExpiry(tx, keys[i]); err != nil {
				return err
			}
			if err := o.release(tx, x); err != nil {
				return err
			}
		}
		return nil
	})
	return changed, err
}

// release queues one resource whose exception lapsed, if still
// NON_COMPLIANT (queueAutomatic checks that no exception is in force).
func (o *Orchestrator) release(tx store.Tx, x remediation.ExpiryEntry) error {
	compliance, err := rules.ResourceCompliance(tx, x.Scope, x.ConfigRuleName, x.ResourceType, x.ResourceID)
	if err != nil || compliance != rules.NonCompliant {
		return err
	}
	return o.queueAutomatic(tx, x.Scope, x.ConfigRuleName, nil, x.Key(), false)
}
