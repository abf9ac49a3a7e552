package action

import (
	"context"

	"github.com/salvehq/salve/internal/automation/engine"
)

// ExecuteAwsAPI is aws:executeAwsApi: it calls Service's Api with every
// other input as the request. The step's declared outputs select from the
// boto3-shaped response; a selection that finds nothing leaves its output
// unset. An AWS error fails the attempt with boto3's wording.
type ExecuteAwsAPI struct{}

// Name implements engine.Action.
func (ExecuteAwsAPI) Name() string { return "aws:executeAwsApi" }

// Run implements engine.Action.
func (ExecuteAwsAPI) Run(ctx context.Context, s *engine.StepRun) (engine.Result, error) {
	c, err := callInputs(s.Inputs)
	if err != nil {
		return engine.Result{}, err
	}
	resp, err := s.Call(ctx, c.service, c.api, c.input)
	if err != nil {
		return engine.Result{}, callFailure(c, err)
	}
	return engine.Result{Response: resp}, nil
}
