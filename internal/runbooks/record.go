package runbooks

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds (per-scope buckets) and the global wake-up index.
const (
	kindExecution = "automation-executions"
	kindByTime    = "automation-executions-by-time"
	kindToken     = "automation-client-tokens"
	kindRunbook   = "automation-runbooks"
	bucketWake    = "automation-wakeups"
)

// StatusCompletedWithFailure ends a rate-controlled parent whose
// children all ran but not all succeeded.
const StatusCompletedWithFailure = "CompletedWithFailure"

// Mode values of StartAutomationExecution.
const (
	ModeAuto        = "Auto"
	ModeInteractive = "Interactive"
)

// Step names a main step of the runbook, to list steps that never ran.
type Step struct {
	Name   string `json:"Name"`
	Action string `json:"Action"`
}

// Execution is one stored automation execution: the engine's state and
// what the API reports beside it.
type Execution struct {
	// Execution is the engine state.
	*engine.Execution `json:"Execution"`
	// Scope is where the execution runs.
	Scope tenant.Scope `json:"Scope"`
	// Mode is Auto or Interactive.
	Mode string `json:"Mode"`
	// ExecutedBy is the ARN of the caller who started it.
	ExecutedBy string `json:"ExecutedBy,omitempty"`
	// ClientToken is the idempotency token of the start, if any.
	ClientToken string `json:"ClientToken,omitempty"`
	// ParentID is the parent execution of a child (aws:executeAutomation).
	ParentID string `json:"ParentAutomationExecutionId,omitempty"`
	// CreatedAt is when StartAutomationExecution was accepted.
	CreatedAt time.Time `json:"CreatedAt"`
	// Steps are the runbook's main steps in array order.
	Steps []Step `json:"Steps"`
	// RunbookHash names the snapshot of the runbook taken when the
	// execution started (see snapshot.go), so updating or deleting the
	// document does not disturb a running execution.
	RunbookHash string `json:"RunbookHash"`
	// WakeKey is the key of the execution's entry in the wake-up index,
	// "" once it is finished (see wake.go).
	WakeKey string `json:"WakeKey,omitempty"`
	// Rate is the rate control of a parent started with Targets or
	// TargetMaps; nil for every other execution.
	Rate *RateControl `json:"RateControl,omitempty"`
	// Target is the target value a rate-controlled child runs on.
	Target string `json:"Target,omitempty"`
}

// Finished reports whether the execution has a final status, including
// the CompletedWithFailure of a rate-controlled parent.
func (x *Execution) Finished() bool {
	return x.Execution.Finished() || x.Status == StatusCompletedWithFailure
}

// tokenEntry remembers an idempotent start.
type tokenEntry struct {
	ID   string `json:"Id"`
	Hash string `json:"Hash"`
}

// timeKey orders executions newest first, ties by id.
func timeKey(x *Execution) string {
	return store.Key(fmt.Sprintf("%020d", math.MaxInt64-x.CreatedAt.UnixNano()), x.AutomationExecutionID)
}

// getExecution loads an execution; a missing one is
// AutomationExecutionNotFoundException.
func getExecution(tx store.Tx, scope tenant.Scope, id string) (*Execution, error) {
	var x Execution
	err := store.GetRecord(tx, scope.Bucket(kindExecution), id, &x)
	if errors.Is(err, store.ErrNotFound) {
		return nil, awserr.New(awserr.AutomationExecutionNotFound,
			"Automation execution %s does not exist in account %s, region %s.", id, scope.AccountID, scope.Region)
	}
	if err != nil {
		return nil, err
	}
	return &x, nil
}

// insertExecution saves a new x with its listing index entry.
func insertExecution(tx store.Tx, x *Execution) error {
	if err := tx.Put(x.Scope.Bucket(kindByTime), timeKey(x), []byte(x.AutomationExecutionID)); err != nil {
		return err
	}
	return putExecution(tx, x)
}
