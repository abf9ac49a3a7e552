package remediation

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// ExecutionState is a RemediationExecutionState.
type ExecutionState string

// The states of a remediation execution. QUEUED and IN_PROGRESS are in
// flight; the others are final.
const (
	StateQueued     ExecutionState = "QUEUED"
	StateInProgress ExecutionState = "IN_PROGRESS"
	StateSucceeded  ExecutionState = "SUCCEEDED"
	StateFailed     ExecutionState = "FAILED"
	StateUnknown    ExecutionState = "UNKNOWN"
)

// InFlight reports whether an execution in this state has not finished.
func (s ExecutionState) InFlight() bool { return s == StateQueued || s == StateInProgress }

// transitions lists the states each state may move to.
var transitions = map[ExecutionState][]ExecutionState{
	// QUEUED → FAILED/UNKNOWN: the runbook could not be started at all.
	// QUEUED → SUCCEEDED: an automatic execution skipped because its
	// resource was no longer NON_COMPLIANT when its turn came.
	StateQueued:     {StateInProgress, StateSucceeded, StateFailed, StateUnknown},
	StateInProgress: {StateSucceeded, StateFailed, StateUnknown},
}

// ErrInvalidTransition is returned for a state change the machine forbids.
var ErrInvalidTransition = errors.New("invalid remediation execution state transition")

// StepState is a RemediationExecutionStepState.
type StepState string

// The states of one runbook step of an execution.
const (
	StepSucceeded  StepState = "SUCCEEDED"
	StepPending    StepState = "PENDING"
	StepFailed     StepState = "FAILED"
	StepInProgress StepState = "IN_PROGRESS"
	StepExited     StepState = "EXITED"
	StepUnknown    StepState = "UNKNOWN"
)

// Step is one runbook step of an execution (RemediationExecutionStep).
type Step struct {
	Name         string    `json:"name"`
	State        StepState `json:"state"`
	ErrorMessage string    `json:"errorMessage,omitempty"`
	StartTime    time.Time `json:"startTime,omitzero"`
	StopTime     time.Time `json:"stopTime,omitzero"`
}

// Trigger says what started an execution.
type Trigger string

// Execution triggers.
const (
	// TriggerManual is StartRemediationExecution.
	TriggerManual Trigger = "MANUAL"
	// TriggerAutomatic is the orchestrator acting on a NON_COMPLIANT result.
	TriggerAutomatic Trigger = "AUTOMATIC"
)

// ResourceKey names one resource (type and id).
type ResourceKey struct {
	ResourceType string
	ResourceID   string
}

// String formats the key as "type/id" for messages.
func (k ResourceKey) String() string { return k.ResourceType + "/" + k.ResourceID }

// Target is the snapshot of the configuration an execution runs: the
// runbook and its parameters resolved for the resource, as they were when
// the execution was queued.
type Target struct {
	ConfigurationArn string `json:"configurationArn"`
	TargetType       string `json:"targetType"`
	// DocumentName and DocumentVersion are the configuration's TargetId
	// and TargetVersion ("" = the document's default version).
	DocumentName    string              `json:"documentName"`
	DocumentVersion string              `json:"documentVersion,omitempty"`
	Parameters      map[string][]string `json:"parameters"`
}

// Execution is the latest remediation execution of one resource for one
// rule. The orchestrator moves it through its states with Transition and
// stores it with PutExecution.
type Execution struct {
	ID             string         `json:"id"`
	ConfigRuleName string         `json:"configRuleName"`
	ResourceType   string         `json:"resourceType"`
	ResourceID     string         `json:"resourceId"`
	State          ExecutionState `json:"state"`
	Trigger        Trigger        `json:"trigger"`
	// Attempt is 1 + the number of consecutive failed attempts (FAILED or
	// Ineffective executions) of the resource before this one.
	Attempt int `json:"attempt"`
	// PreviousFailures are the invocation times of those failed
	// executions (at most MaxAutomaticAttemptsLimit, newest last): what
	// the orchestrator needs to apply MaximumAutomaticAttempts within
	// RetryAttemptSeconds.
	PreviousFailures []time.Time `json:"previousFailures,omitempty"`
	InvocationTime   time.Time   `json:"invocationTime"`
	LastUpdatedTime  time.Time   `json:"lastUpdatedTime"`
	Steps            []Step      `json:"steps,omitempty"`
	Target           Target      `json:"target"`
	// AutomationExecutionID is the SSM Automation execution running it.
	AutomationExecutionID string `json:"automationExecutionId,omitempty"`
	// FailureReason says, for a person, why it FAILED or is UNKNOWN.
	FailureReason string `json:"failureReason,omitempty"`
	// AwaitingApproval holds a QUEUED execution of a configuration with
	// the approval gate until Approve or Reject.
	AwaitingApproval bool `json:"awaitingApproval,omitempty"`
	// Rejected marks an execution that FAILED because it was rejected.
	Rejected bool `json:"rejected,omitempty"`
	// Ineffective marks an automatic execution that SUCCEEDED after which
	// the rule evaluated the resource NON_COMPLIANT again: for retries and
	// MaximumAutomaticAttempts it counts as a failed attempt.
	Ineffective bool `json:"ineffective,omitempty"`
}

// failedAttempt reports whether e counts as a failed attempt.
func (e *Execution) failedAttempt() bool {
	return e.State == StateFailed || (e.State == StateSucceeded && e.Ineffective)
}

// MaxAutomaticAttemptsLimit is the model's upper bound of
// MaximumAutomaticAttempts, and so the failures an execution remembers.
const MaxAutomaticAttemptsLimit = 25

// Key returns the resource the execution remediates.
func (e *Execution) Key() ResourceKey {
	return ResourceKey{ResourceType: e.ResourceType, ResourceID: e.ResourceID}
}

// Transition moves the execution to state to at time now.
func (e *Execution) Transition(to ExecutionState, now time.Time) error {
	if !slices.Contains(transitions[e.State], to) {
		return fmt.Errorf("%w: %s to %s", ErrInvalidTransition, e.State, to)
	}
	e.State, e.LastUpdatedTime = to, now
	return nil
}

// nextFailures returns the failure history a new execution inherits from
// the previous one (nil if there was none or it was not a failed attempt).
func nextFailures(prev *Execution) []time.Time {
	if prev == nil || !prev.failedAttempt() {
		return nil
	}
	out := append(slices.Clone(prev.PreviousFailures), prev.InvocationTime)
	if len(out) > MaxAutomaticAttemptsLimit {
		out = out[len(out)-MaxAutomaticAttemptsLimit:]
	}
	return out
}
