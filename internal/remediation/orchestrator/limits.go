package orchestrator

import (
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Limits are a rule's SsmControls applied to its current state.
type Limits struct {
	// NonCompliant is N, the rule's NON_COMPLIANT resources now.
	NonCompliant int
	// Running counts IN_PROGRESS executions; MaxRunning bounds them.
	Running, MaxRunning int
	// Errors counts NON_COMPLIANT resources whose remediation failed
	// since the configuration was put; MaxErrors is the most allowed.
	Errors, MaxErrors int
}

// Blocked reports whether ErrorPercentage stops new executions.
func (l Limits) Blocked() bool { return l.Errors > l.MaxErrors }

// Free is how many more executions may start now.
func (l Limits) Free() int {
	if l.Blocked() {
		return 0
	}
	return max(0, l.MaxRunning-l.Running)
}

// ComputeLimits applies the formulas of the package doc.
func ComputeLimits(cfg *remediation.Configuration, nonCompliant int, execs []*remediation.Execution, isNonCompliant func(remediation.ResourceKey) bool) Limits {
	l := Limits{
		NonCompliant: nonCompliant,
		MaxRunning:   max(1, int(cfg.ConcurrentExecutionRatePercentage)*nonCompliant/100),
		MaxErrors:    int(cfg.ErrorPercentage) * nonCompliant / 100,
	}
	for _, e := range execs {
		if e.State == remediation.StateInProgress {
			l.Running++
		}
		if failedSince(e, cfg) && isNonCompliant(e.Key()) {
			l.Errors++
		}
	}
	return l
}

// failedSince reports whether the resource's remediation failed for good
// since the configuration was last put: its latest execution FAILED and
// no retry is pending (a retry is queued as a new execution, so a
// resource being retried does not count until its retries run out).
func failedSince(e *remediation.Execution, cfg *remediation.Configuration) bool {
	return e.State == remediation.StateFailed && !e.Rejected && !e.InvocationTime.Before(cfg.UpdatedAt)
}

// ruleLimits loads what ComputeLimits needs.
func ruleLimits(tx store.Tx, scope tenant.Scope, cfg *remediation.Configuration) (Limits, error) {
	refs, err := rules.ResourcesByCompliance(tx, scope, cfg.ConfigRuleName, rules.NonCompliant)
	if err != nil {
		return Limits{}, err
	}
	nc := make(map[remediation.ResourceKey]bool, len(refs))
	for _, r := range refs {
		nc[remediation.ResourceKey{ResourceType: r.Type, ResourceID: r.ID}] = true
	}
	execs, err := remediation.ExecutionsOfRule(tx, scope, cfg.ConfigRuleName)
	if err != nil {
		return Limits{}, err
	}
	return ComputeLimits(cfg, len(refs), execs, func(k remediation.ResourceKey) bool { return nc[k] }), nil
}
