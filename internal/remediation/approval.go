package remediation

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ApprovalParameter is the Salve parameter (beyond AWS) of a remediation
// configuration that, with StaticValue ["true"], makes every execution
// wait for approval through Salve's API before it starts. It is never
// passed to the runbook.
const ApprovalParameter = "SalveRequireApproval"

// AwaitingApprovalStep is the step an execution waiting for approval
// reports (PENDING), then SUCCEEDED when approved or FAILED when rejected.
const AwaitingApprovalStep = "AwaitingApproval"

// ErrNotAwaitingApproval is returned by Approve and Reject when the
// resource has no execution waiting for approval.
var ErrNotAwaitingApproval = errors.New("no remediation execution of the resource is awaiting approval")

// RequiresApproval reports whether the configuration opted in to the
// approval gate.
func (c *Configuration) RequiresApproval() bool {
	v, ok := c.Parameters[ApprovalParameter]
	return ok && slices.Equal(v.StaticValues, []string{"true"})
}

// checkApproval returns why the approval parameter is malformed ("" if it
// is absent or well formed).
func checkApproval(c *Configuration) string {
	v, ok := c.Parameters[ApprovalParameter]
	if !ok || (!v.IsResource() && (slices.Equal(v.StaticValues, []string{"true"}) || slices.Equal(v.StaticValues, []string{"false"}))) {
		return ""
	}
	return fmt.Sprintf("The Salve parameter %s takes a StaticValue of exactly one value, \"true\" or \"false\".", ApprovalParameter)
}

// awaitApproval marks a new execution as waiting for approval.
func awaitApproval(e *Execution) {
	e.AwaitingApproval = true
	e.Steps = []Step{{Name: AwaitingApprovalStep, State: StepPending, StartTime: e.InvocationTime}}
}

// Approve lets the resource's execution waiting for approval start (it
// stays QUEUED until the SsmControls admit it).
func (s *Service) Approve(ctx context.Context, scope tenant.Scope, rule string, k ResourceKey) error {
	return s.decide(ctx, scope, rule, k, func(e *Execution) error {
		e.Steps[0].State = StepSucceeded
		return nil
	})
}

// Reject ends the resource's execution waiting for approval as FAILED,
// without running the runbook. A rejected execution is not retried and
// does not count against ErrorPercentage.
func (s *Service) Reject(ctx context.Context, scope tenant.Scope, rule string, k ResourceKey) error {
	return s.decide(ctx, scope, rule, k, func(e *Execution) error {
		e.Steps[0].State, e.Steps[0].ErrorMessage = StepFailed, "rejected through Salve's approval API"
		e.Rejected, e.FailureReason = true, "the remediation was rejected through Salve's approval API"
		return e.Transition(StateFailed, e.Steps[0].StopTime)
	})
}

// decide applies an approval decision to the waiting execution of k.
func (s *Service) decide(ctx context.Context, scope tenant.Scope, rule string, k ResourceKey, fn func(*Execution) error) error {
	err := s.store.Update(ctx, func(tx store.Tx) error {
		if _, err := GetConfiguration(tx, scope, rule); err != nil {
			return err
		}
		e, err := FindExecution(tx, scope, rule, k.ResourceType, k.ResourceID)
		if err != nil {
			return err
		}
		if e == nil || e.State != StateQueued || !e.AwaitingApproval || len(e.Steps) == 0 {
			return fmt.Errorf("%w: rule %s, resource %s", ErrNotAwaitingApproval, rule, k)
		}
		now := s.clock.Now()
		e.AwaitingApproval, e.LastUpdatedTime, e.Steps[0].StopTime = false, now, now
		if err := fn(e); err != nil {
			return err
		}
		return PutExecution(tx, scope, e)
	})
	s.work(err)
	return err
}
