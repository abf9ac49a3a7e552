package runbooks

import (
	"context"

	"github.com/salvehq/salve/internal/automation/engine"
)

// children starts child executions of one parent (aws:executeAutomation)
// in the parent's account and region.
type children struct {
	s      *Service
	parent *Execution
}

// StartChild implements engine.ChildStarter.
func (c *children) StartChild(ctx context.Context, req engine.ChildRequest) (string, error) {
	parent := req.ParentID
	if parent == "" {
		parent = c.parent.AutomationExecutionID
	}
	return c.s.Start(ctx, StartParams{Scope: c.parent.Scope, DocumentName: req.DocumentName,
		DocumentVersion: req.DocumentVersion, Parameters: req.Parameters, ExecutedBy: c.parent.ExecutedBy,
		ParentID: parent})
}

// ChildStatus implements engine.ChildStarter.
func (c *children) ChildStatus(ctx context.Context, id string) (string, map[string][]string, error) {
	x, err := c.s.load(ctx, c.parent.Scope, id)
	if err != nil {
		return "", nil, err
	}
	if !x.Finished() {
		return x.Status, nil, nil
	}
	return x.Status, x.Outputs, nil
}
