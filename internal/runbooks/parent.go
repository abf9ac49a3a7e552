package runbooks

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/store"
)

// newParent resolves the runbook, plans one child per target (checking
// that each one's parameters bind) and builds the InProgress parent. The
// parent runs no steps: advanceParent starts and watches its children.
func (s *Service) newParent(tx store.Tx, p StartParams) (*Execution, error) {
	r, err := s.resolveRunbook(tx, p.Scope, p.DocumentName, p.DocumentVersion)
	if err != nil {
		return nil, err
	}
	d := r.doc
	runs, err := p.targetRuns(r.parsed)
	if err != nil {
		return nil, err
	}
	now := s.p.Clock.Now()
	ex := &engine.Execution{AutomationExecutionID: s.newID(), DocumentName: d.Name, DocumentVersion: d.DocumentVersion,
		AccountID: p.Scope.AccountID, Region: p.Scope.Region, Parameters: rawValues(p.Parameters),
		Status: engine.StatusInProgress, ExecutionStartTime: now}
	rate := &RateControl{TargetParameterName: p.TargetParameterName, Targets: p.Targets, TargetMaps: p.TargetMaps,
		MaxConcurrency: orDefault(p.MaxConcurrency, DefaultMaxConcurrency),
		MaxErrors:      orDefault(p.MaxErrors, DefaultMaxErrors), Runs: runs}
	return &Execution{Execution: ex, Scope: p.Scope, Mode: ModeAuto, ExecutedBy: p.ExecutedBy,
		ClientToken: p.ClientToken, CreatedAt: now, RunbookHash: r.hash, Rate: rate}, nil
}

// rawValues keeps request parameters as the lists they were given as.
func rawValues(params map[string][]string) engine.Values {
	if len(params) == 0 {
		return nil
	}
	out := make(engine.Values, len(params))
	for k, vs := range params {
		list := make([]any, len(vs))
		for i, v := range vs {
			list[i] = v
		}
		out[k] = list
	}
	return out
}

// orDefault is v, or def when v is empty.
func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// advanceParent re-reads the children of a rate-controlled parent, starts
// as many new ones as MaxConcurrency and MaxErrors allow, and ends the
// parent once no child runs and none will start. Everything is one store
// transaction, so a crash never leaves a started child unrecorded; the
// new children are queued after it commits.
func (s *Service) advanceParent(ctx context.Context, x *Execution) error {
	var started []string
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		started = nil
		if err := refreshRuns(tx, x); err != nil {
			return err
		}
		ids, err := s.startRuns(tx, x)
		if err != nil {
			return err
		}
		started = ids
		s.settle(x)
		return putExecution(tx, x)
	})
	if err != nil {
		return fmt.Errorf("advance parent %s: %w", x.AutomationExecutionID, err)
	}
	for _, id := range started {
		s.enqueue(x.Scope, id)
	}
	return nil
}

// refreshRuns copies the status of every unfinished child into x.
func refreshRuns(tx store.Tx, x *Execution) error {
	for i := range x.Rate.Runs {
		run := &x.Rate.Runs[i]
		if run.ID == "" || finalStatus(run.Status) {
			continue
		}
		child, err := getExecution(tx, x.Scope, run.ID)
		if err != nil {
			return err
		}
		run.Status = child.Status
	}
	return nil
}

// finalStatus reports whether a child's status is final.
func finalStatus(status string) bool {
	switch status {
	case engine.StatusSuccess, engine.StatusFailed, engine.StatusCancelled, engine.StatusTimedOut:
		return true
	}
	return false
}

// startRuns starts children in target order while fewer than
// MaxConcurrency run and no more than MaxErrors failed.
func (s *Service) startRuns(tx store.Tx, x *Execution) ([]string, error) {
	r := x.Rate
	running, p := r.counts()
	if errs := p.Failed + p.Cancelled + p.TimedOut; errs > r.maxErrors() {
		r.Halted = true
	}
	var ids []string
	for i := range r.Runs {
		if r.Halted || x.Finished() || running >= r.concurrency() {
			break
		}
		if r.Runs[i].ID != "" {
			continue
		}
		id, err := s.startRun(tx, x, &r.Runs[i])
		if err != nil {
			return nil, err
		}
		ids, running = append(ids, id), running+1
	}
	return ids, nil
}

// startRun stores one child of x as Pending.
func (s *Service) startRun(tx store.Tx, x *Execution, run *TargetRun) (string, error) {
	child, err := s.newExecution(tx, StartParams{Scope: x.Scope, DocumentName: x.DocumentName,
		DocumentVersion: x.DocumentVersion, Parameters: run.Parameters, ExecutedBy: x.ExecutedBy,
		ParentID: x.AutomationExecutionID})
	if err != nil {
		return "", fmt.Errorf("start child for target %q: %w", run.Target, err)
	}
	child.Target = run.Target
	run.ID, run.Status = child.AutomationExecutionID, child.Status
	return run.ID, insertExecution(tx, child)
}

// settle ends x once no child runs and none will start: Success when
// every child succeeded, Failed when MaxErrors stopped the run,
// CompletedWithFailure when every target ran but some did not succeed.
func (s *Service) settle(x *Execution) {
	r := x.Rate
	running, p := r.counts()
	unstarted := 0
	for _, run := range r.Runs {
		if run.ID == "" {
			unstarted++
		}
	}
	if x.Finished() || running > 0 || (unstarted > 0 && !r.Halted) {
		return
	}
	errs := p.Failed + p.Cancelled + p.TimedOut
	switch {
	case r.Halted:
		x.Status = engine.StatusFailed
		x.FailureMessage = fmt.Sprintf("%d of %d child executions did not succeed, more than MaxErrors %s allows; "+
			"%d targets were not started.", errs, p.Total, r.MaxErrors, unstarted)
	case errs > 0:
		x.Status = StatusCompletedWithFailure
		x.FailureMessage = fmt.Sprintf("%d of %d child executions did not succeed.", errs, p.Total)
	default:
		x.Status = engine.StatusSuccess
	}
	x.ExecutionEndTime = s.p.Clock.Now()
}

// stopParent cancels a rate-controlled parent: no further child starts,
// and it returns the children still running, for the caller to stop once
// it has released the parent's lock.
func (s *Service) stopParent(x *Execution) ([]string, error) {
	if x.Finished() {
		return nil, errAlreadyEnded(x)
	}
	var running []string
	for _, run := range x.Rate.Runs {
		if run.ID != "" && !finalStatus(run.Status) {
			running = append(running, run.ID)
		}
	}
	x.Status, x.FailureMessage = engine.StatusCancelled, "The execution was cancelled."
	x.ExecutionEndTime = s.p.Clock.Now()
	return running, nil
}
