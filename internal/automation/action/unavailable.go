package action

import (
	"context"

	"github.com/salvehq/salve/internal/automation/engine"
)

// unavailable is an action Salve knows but cannot run yet: its steps fail
// with reason.
type unavailable struct {
	name, reason string
}

// Name implements engine.Action.
func (u unavailable) Name() string { return u.name }

// Run implements engine.Action.
func (u unavailable) Run(context.Context, *engine.StepRun) (engine.Result, error) {
	return engine.Result{}, engine.Fail(engine.StageInvocation, engine.TypeUnknown, "%s.", u.reason)
}
