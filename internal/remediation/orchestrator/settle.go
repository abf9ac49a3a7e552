package orchestrator

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/runbooks"
	"github.com/salvehq/salve/internal/store"
)

// settle records the end of every IN_PROGRESS execution whose Automation
// execution has finished. With only set, it reads just those Automation
// executions.
func (o *Orchestrator) settle(ctx context.Context, only map[string]bool) (bool, error) {
	running, err := o.toSettle(ctx, only)
	if err != nil {
		return false, err
	}
	var changed atomic.Bool
	err = parallel(running, func(r remediation.RunningEntry) error {
		done, err := o.settleOne(ctx, r)
		if done {
			changed.Store(true)
		}
		return err
	})
	return changed.Load(), err
}

// toSettle returns the running executions to read: those of only, from
// the in-memory map, or (only nil) every one in the index, refreshing the
// map.
func (o *Orchestrator) toSettle(ctx context.Context, only map[string]bool) ([]remediation.RunningEntry, error) {
	o.runningMu.Lock()
	defer o.runningMu.Unlock()
	if only != nil {
		var out []remediation.RunningEntry
		for id := range only {
			if r, ok := o.running[id]; ok {
				out = append(out, r)
			}
		}
		return out, nil
	}
	var running []remediation.RunningEntry
	err := o.p.Store.View(ctx, func(tx store.Tx) (err error) {
		running, err = remediation.ScanRunning(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	clear(o.running)
	for _, r := range running {
		o.running[r.AutomationExecutionID] = r
	}
	return running, nil
}

// tracking records that an execution is IN_PROGRESS (r) or no longer is
// (r.AutomationExecutionID alone, with remove).
func (o *Orchestrator) tracking(r remediation.RunningEntry, remove bool) {
	o.runningMu.Lock()
	defer o.runningMu.Unlock()
	if remove {
		delete(o.running, r.AutomationExecutionID)
		return
	}
	o.running[r.AutomationExecutionID] = r
}

// settleOne reads one Automation execution and, if it ended, records
// SUCCEEDED or FAILED with its steps.
func (o *Orchestrator) settleOne(ctx context.Context, r remediation.RunningEntry) (bool, error) {
	x, err := o.p.Automation.Get(ctx, r.Scope, r.AutomationExecutionID)
	var ae *awserr.Error
	if err != nil && !(errors.As(err, &ae) && ae.Code == awserr.AutomationExecutionNotFound) {
		return false, err
	}
	if x != nil && !x.Finished() {
		return false, nil
	}
	defer o.tracking(r, true)
	e := &remediation.Execution{ID: r.ExecutionID, ConfigRuleName: r.ConfigRuleName,
		ResourceType: r.ResourceType, ResourceID: r.ResourceID, State: remediation.StateInProgress}
	succeeded := false
	err = o.update(ctx, r.Scope, e, func(_ store.Tx, cur *remediation.Execution) error {
		now := o.p.Clock.Now()
		if x == nil {
			return fail(cur, now, "the Automation execution "+r.AutomationExecutionID+" no longer exists")
		}
		cur.Steps = steps(x)
		if x.Status == engine.StatusSuccess {
			o.p.Logger.Info("remediation succeeded", "rule", cur.ConfigRuleName, "resource", cur.Key().String(), "execution_id", cur.ID)
			succeeded = true
			return cur.Transition(remediation.StateSucceeded, now)
		}
		return fail(cur, now, "the Automation execution "+x.AutomationExecutionID+" ended "+x.Status+": "+x.FailureMessage)
	})
	if err == nil && succeeded {
		o.succeeded(ctx, Succeeded{Scope: r.Scope, ConfigRuleName: r.ConfigRuleName,
			ResourceType: r.ResourceType, ResourceID: r.ResourceID, ExecutionID: r.ExecutionID})
	}
	return true, err
}

// fail moves an execution to FAILED with a reason.
func fail(e *remediation.Execution, now time.Time, reason string) error {
	e.FailureReason = reason
	return e.Transition(remediation.StateFailed, now)
}

// steps maps the Automation execution's steps to remediation steps.
func steps(x *runbooks.Execution) []remediation.Step {
	var out []remediation.Step
	for _, se := range x.StepsWithPending() {
		out = append(out, remediation.Step{Name: se.StepName, State: stepState(se.Status),
			ErrorMessage: se.FailureMessage, StartTime: se.ExecutionStartTime, StopTime: se.ExecutionEndTime})
	}
	return out
}

// stepState maps an Automation step status to a RemediationExecutionStepState.
func stepState(status string) remediation.StepState {
	switch status {
	case engine.StatusSuccess:
		return remediation.StepSucceeded
	case engine.StatusFailed, engine.StatusTimedOut, engine.StatusCancelled:
		return remediation.StepFailed
	case engine.StatusPending:
		return remediation.StepPending
	case engine.StatusInProgress, engine.StatusWaiting, engine.StatusCancelling:
		return remediation.StepInProgress
	}
	return remediation.StepUnknown
}
