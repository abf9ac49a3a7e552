package action

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
)

// PollInterval is the time between two calls of
// aws:waitForAwsResourceProperty.
const PollInterval = 5 * time.Second

// DefaultWaitTimeout is the timeout of an aws:waitForAwsResourceProperty
// step that sets no timeoutSeconds.
const DefaultWaitTimeout = 3600 * time.Second

// WaitForAwsResourceProperty is aws:waitForAwsResourceProperty: it calls
// the API every PollInterval until the selected property is one of
// DesiredValues (success) or the step times out. An API error fails the
// attempt at once rather than being polled through.
type WaitForAwsResourceProperty struct{}

// Name implements engine.Action.
func (WaitForAwsResourceProperty) Name() string { return "aws:waitForAwsResourceProperty" }

// DefaultTimeout implements engine.DefaultTimeouter.
func (WaitForAwsResourceProperty) DefaultTimeout() time.Duration { return DefaultWaitTimeout }

// Run implements engine.Action.
func (WaitForAwsResourceProperty) Run(ctx context.Context, s *engine.StepRun) (engine.Result, error) {
	p, err := propertyInputs(s.Inputs)
	if err != nil {
		return engine.Result{}, err
	}
	ok, _, err := p.check(ctx, s)
	if err != nil || ok {
		return engine.Result{}, err
	}
	return engine.Result{Wait: &engine.Wait{Until: s.Now.Add(PollInterval)}}, nil
}
