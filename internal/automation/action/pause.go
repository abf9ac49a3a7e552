package action

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/automation/engine"
)

// Pause is aws:pause: the execution waits until a Resume signal.
type Pause struct{}

// Name implements engine.Action.
func (Pause) Name() string { return "aws:pause" }

// Run implements engine.Action.
func (Pause) Run(_ context.Context, s *engine.StepRun) (engine.Result, error) {
	resumed := slices.ContainsFunc(s.State.Signals, func(r engine.ReceivedSignal) bool {
		return r.Type == engine.SignalResume
	})
	if resumed {
		return engine.Result{}, nil
	}
	return engine.Result{Wait: &engine.Wait{Signals: []string{engine.SignalResume}}}, nil
}
