package engine

import (
	"time"

	"github.com/salvehq/salve/internal/automation"
)

// Execution is the durable state of one automation execution. It is a
// plain value: encode it with encoding/json to save it, decode it to resume
// (Values keep integers as int across the round trip).
type Execution struct {
	// AutomationExecutionID is the 36-character id chosen by the caller.
	AutomationExecutionID string `json:"AutomationExecutionId"`
	// DocumentName and DocumentVersion identify the runbook.
	DocumentName    string `json:"DocumentName"`
	DocumentVersion string `json:"DocumentVersion,omitempty"`
	// AccountID and Region are where the automation runs; they answer
	// global:ACCOUNT_ID and global:REGION and address AWS calls.
	AccountID string `json:"AccountId,omitempty"`
	Region    string `json:"Region,omitempty"`
	// AssumeRole is the resolved assumeRole ("" for the caller's
	// permissions).
	AssumeRole string `json:"AssumeRole,omitempty"`
	// Parameters are the bound parameters (expr.BindParameters).
	Parameters Values `json:"Parameters"`
	// Variables are the current runbook variables.
	Variables Values `json:"Variables,omitempty"`
	// Status is the execution status (Status* constants).
	Status string `json:"AutomationExecutionStatus"`
	// StepExecutions are the steps that started, in the order they ran; a
	// step run twice (a jump back) appears twice.
	StepExecutions []*StepExecution `json:"StepExecutions,omitempty"`
	// CurrentStepName is the step running or about to run; CurrentAction
	// is its action.
	CurrentStepName string `json:"CurrentStepName,omitempty"`
	CurrentAction   string `json:"CurrentAction,omitempty"`
	// Outputs are the document outputs ("Step.Output" → values), set when
	// the execution ends.
	Outputs map[string][]string `json:"Outputs,omitempty"`
	// FailureMessage says why the execution failed, timed out or was
	// cancelled.
	FailureMessage string `json:"FailureMessage,omitempty"`
	// ExecutionStartTime and ExecutionEndTime bound the run.
	ExecutionStartTime time.Time `json:"ExecutionStartTime,omitzero"`
	ExecutionEndTime   time.Time `json:"ExecutionEndTime,omitzero"`
	// WaitUntil is when Advance should next be called for a waiting
	// execution (a sleep ends, a poll is due, a step times out); zero when
	// there is no such time.
	WaitUntil time.Time `json:"WaitUntil,omitzero"`
	// AwaitedSignals are the signal types the execution accepts now (e.g.
	// Approve and Reject while an aws:approve step waits).
	AwaitedSignals []string `json:"AwaitedSignals,omitempty"`
	// Loops are the aws:loop steps running now, outermost first: the
	// current step is one of the innermost loop's Steps.
	Loops []*LoopFrame `json:"Loops,omitempty"`
	// Interactive says the execution runs in Mode Interactive: it waits
	// before each main step until a StartStep or Resume signal releases
	// it.
	Interactive bool `json:"Interactive,omitempty"`
	// StepReleased says that an Interactive execution may start its
	// current step (StartStep or Resume arrived); starting the step
	// clears it.
	StepReleased bool `json:"StepReleased,omitempty"`

	// unsaved says that Advance changed x since it last persisted it.
	unsaved bool
}

// StepExecution is the state of one run of a step.
type StepExecution struct {
	StepName        string `json:"StepName"`
	Action          string `json:"Action"`
	StepExecutionID string `json:"StepExecutionId"`
	// Status is the step status (Status* constants).
	Status string `json:"StepStatus"`
	// Attempt is the current try, counted from 1, of MaxAttempts.
	Attempt     int `json:"Attempt"`
	MaxAttempts int `json:"MaxAttempts"`
	// TimeoutSeconds is the per-attempt timeout in force (the step's, or
	// the action's default), 0 for none.
	TimeoutSeconds int    `json:"TimeoutSeconds,omitempty"`
	OnFailure      string `json:"OnFailure,omitempty"`
	OnCancel       string `json:"OnCancel,omitempty"`
	IsEnd          bool   `json:"IsEnd"`
	IsCritical     bool   `json:"IsCritical"`
	NextStep       string `json:"NextStep,omitempty"`
	// Inputs are the inputs with references resolved.
	Inputs Values `json:"Inputs,omitempty"`
	// Outputs are the outputs as the API shows them (every value a list of
	// strings); TypedOutputs the same outputs with their declared types,
	// read by later steps' references.
	Outputs      map[string][]string `json:"Outputs,omitempty"`
	TypedOutputs Values              `json:"TypedOutputs,omitempty"`
	// Response is the raw result the output selectors read (the boto3
	// response of aws:executeAwsApi), when the action has one.
	Response any `json:"Response,omitempty"`
	// FailureMessage and FailureDetails say why the step failed.
	FailureMessage string          `json:"FailureMessage,omitempty"`
	FailureDetails *FailureDetails `json:"FailureDetails,omitempty"`
	// ExecutionStartTime and ExecutionEndTime bound the step;
	// AttemptStartTime is when the current attempt began (its timeout runs
	// from there).
	ExecutionStartTime time.Time `json:"ExecutionStartTime,omitzero"`
	ExecutionEndTime   time.Time `json:"ExecutionEndTime,omitzero"`
	AttemptStartTime   time.Time `json:"AttemptStartTime,omitzero"`
	// ValidNextSteps are the steps this one may lead to.
	ValidNextSteps []string `json:"ValidNextSteps,omitempty"`
	// WaitUntil is when a waiting attempt wants to run again; zero when it
	// is not waiting for a time.
	WaitUntil time.Time `json:"WaitUntil,omitzero"`
	// AwaitedSignals are the signals a waiting attempt accepts.
	AwaitedSignals []string `json:"AwaitedSignals,omitempty"`
	// Signals are the signals received by the current attempt, oldest
	// first.
	Signals []ReceivedSignal `json:"Signals,omitempty"`
	// State is the action's own state for the current attempt (e.g. when a
	// sleep ends), kept across waits.
	State Values `json:"State,omitempty"`
	// ParentStepDetails names the aws:loop step and iteration this run
	// belongs to; nil for a step of mainSteps.
	ParentStepDetails *ParentStepDetails `json:"ParentStepDetails,omitempty"`
}

// ParentStepDetails places a step run inside an aws:loop (the API shape of
// the same name).
type ParentStepDetails struct {
	// StepExecutionID, StepName and Action identify the loop step's run.
	StepExecutionID string `json:"StepExecutionId"`
	StepName        string `json:"StepName"`
	Action          string `json:"Action"`
	// Iteration is the loop's CurrentIteration, counted from 1.
	Iteration int `json:"Iteration"`
	// IteratorValue is the for-each item as text; "" in a do-while loop.
	IteratorValue string `json:"IteratorValue,omitempty"`
}

// FailureDetails is the structured cause of a step failure.
type FailureDetails struct {
	FailureStage string              `json:"FailureStage,omitempty"`
	FailureType  string              `json:"FailureType,omitempty"`
	Details      map[string][]string `json:"Details,omitempty"`
}

// ReceivedSignal is one SendAutomationSignal delivered to a step.
type ReceivedSignal struct {
	// Type is the signal type (Signal* constants).
	Type string `json:"SignalType"`
	// Payload is the signal's payload as sent.
	Payload map[string][]string `json:"Payload,omitempty"`
	// Sender is the ARN of the caller who sent it ("" when unknown).
	Sender string `json:"Sender,omitempty"`
	// Time is when it arrived.
	Time time.Time `json:"Time,omitzero"`
}

// NewExecutionParams are the inputs of NewExecution.
type NewExecutionParams struct {
	// ID is the 36-character AutomationExecutionId.
	ID              string
	DocumentName    string
	DocumentVersion string
	AccountID       string
	Region          string
	// AssumeRole is the resolved assumeRole (expr.ResolveAssumeRole).
	AssumeRole string
	// Parameters are the bound parameters (expr.BindParameters).
	Parameters map[string]any
	// Interactive starts the execution in Mode Interactive.
	Interactive bool
}

// NewExecution returns a Pending execution of doc; variables start at
// their declared defaults. Advance starts it.
func NewExecution(doc *automation.Document, p NewExecutionParams) *Execution {
	vars := Values{}
	for _, v := range doc.Variables {
		vars[v.Name] = v.Default
	}
	return &Execution{
		AutomationExecutionID: p.ID,
		DocumentName:          p.DocumentName,
		DocumentVersion:       p.DocumentVersion,
		AccountID:             p.AccountID,
		Region:                p.Region,
		AssumeRole:            p.AssumeRole,
		Parameters:            Values(p.Parameters),
		Variables:             vars,
		Status:                StatusPending,
		Interactive:           p.Interactive,
	}
}

// Finished reports whether the execution has reached a final status.
func (x *Execution) Finished() bool { return terminal(x.Status) }

// current returns the step execution that is running or waiting, nil when
// none is. An aws:loop step whose passes are running is not current: the
// step running inside it is.
func (x *Execution) current() *StepExecution {
	n := len(x.StepExecutions)
	if n == 0 {
		return nil
	}
	se := x.StepExecutions[n-1]
	if terminal(se.Status) || x.loopOf(se.StepExecutionID) != nil {
		return nil
	}
	return se
}

// latest returns the most recent run of the named step, nil if it never
// ran.
func (x *Execution) latest(name string) *StepExecution {
	for i := len(x.StepExecutions) - 1; i >= 0; i-- {
		if x.StepExecutions[i].StepName == name {
			return x.StepExecutions[i]
		}
	}
	return nil
}
