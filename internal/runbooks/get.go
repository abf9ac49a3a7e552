package runbooks

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/tenant"
)

// Get returns an execution; a missing one is
// AutomationExecutionNotFoundException.
func (s *Service) Get(ctx context.Context, scope tenant.Scope, id string) (*Execution, error) {
	return s.load(ctx, scope, id)
}

// StepsWithPending lists the step runs followed by every main step that
// never ran, as Pending (as GetAutomationExecution shows them).
func (x *Execution) StepsWithPending() []*engine.StepExecution {
	out := slices.Clone(x.StepExecutions)
	for _, st := range x.Steps {
		ran := slices.ContainsFunc(x.StepExecutions, func(se *engine.StepExecution) bool { return se.StepName == st.Name })
		if !ran {
			out = append(out, &engine.StepExecution{StepName: st.Name, Action: st.Action, Status: engine.StatusPending})
		}
	}
	return out
}

// Progress counts step runs by outcome.
type Progress struct {
	Total, Success, Failed, Cancelled, TimedOut int
}

// Progress counts x's steps: Total is every main step that ran or will,
// the others count step runs by final status. For a rate-controlled
// parent it counts children instead: Total is the number of targets, the
// others count children by final status (targets never started count in
// Total only).
func (x *Execution) Progress() Progress {
	if x.Rate != nil {
		_, p := x.Rate.counts()
		return p
	}
	steps := x.StepsWithPending()
	p := Progress{Total: len(steps)}
	for _, se := range steps {
		switch se.Status {
		case engine.StatusSuccess:
			p.Success++
		case engine.StatusFailed:
			p.Failed++
		case engine.StatusCancelled:
			p.Cancelled++
		case engine.StatusTimedOut:
			p.TimedOut++
		}
	}
	return p
}
