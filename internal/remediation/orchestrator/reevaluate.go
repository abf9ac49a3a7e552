package orchestrator

import (
	"context"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/tenant"
)

// Succeeded names a resource whose remediation execution SUCCEEDED.
type Succeeded struct {
	Scope          tenant.Scope
	ConfigRuleName string
	ResourceType   string
	ResourceID     string
	ExecutionID    string
}

// SucceededHook asks the rule to evaluate the resource again after its
// remediation SUCCEEDED. It runs outside any transaction, after the
// SUCCEEDED state is stored; it must not block for long (it runs on the
// orchestrator's tick) and may be called from several goroutines at once.
type SucceededHook func(ctx context.Context, s Succeeded)

// OnSucceeded registers a hook called after every SUCCEEDED execution:
// the seam through which a rule's evaluator re-evaluates the remediated
// resource. Custom rules evaluated outside Salve have no evaluator to ask,
// so nothing is registered for them; Salve then acts on the compliance
// last reported (see docs/REMEDIATION.md).
func (o *Orchestrator) OnSucceeded(h SucceededHook) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.onSucceeded = append(o.onSucceeded, h)
}

// succeeded calls the OnSucceeded hooks; the caller holds o.mu (Tick).
func (o *Orchestrator) succeeded(ctx context.Context, s Succeeded) {
	for _, h := range o.onSucceeded {
		h(ctx, s)
	}
}

// StatusHook observes an execution the orchestrator moved to IN_PROGRESS,
// SUCCEEDED or FAILED, after the change committed (the source of
// remediation status events and notifications). It must not block.
type StatusHook func(ctx context.Context, scope tenant.Scope, e remediation.Execution)

// OnStatusChange registers a StatusHook. Register while composing the
// server.
func (o *Orchestrator) OnStatusChange(h StatusHook) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.onStatus = append(o.onStatus, h)
}

// statusChanged calls the StatusHooks; the caller holds o.mu (Tick).
func (o *Orchestrator) statusChanged(ctx context.Context, scope tenant.Scope, e *remediation.Execution) {
	for _, h := range o.onStatus {
		h(ctx, scope, *e)
	}
}
