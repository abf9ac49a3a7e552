package engine

// Execution and step statuses, as the SSM API spells them.
const (
	StatusPending    = "Pending"
	StatusInProgress = "InProgress"
	StatusWaiting    = "Waiting"
	StatusSuccess    = "Success"
	StatusTimedOut   = "TimedOut"
	StatusCancelling = "Cancelling"
	StatusCancelled  = "Cancelled"
	StatusFailed     = "Failed"
)

// Signal types of SendAutomationSignal.
const (
	SignalApprove   = "Approve"
	SignalReject    = "Reject"
	SignalResume    = "Resume"
	SignalStartStep = "StartStep"
	SignalStopStep  = "StopStep"
)

// Failure stages of a step's FailureDetails.
const (
	// StageInputValidation: the step's inputs could not be resolved or are
	// not what the action needs.
	StageInputValidation = "InputValidation"
	// StageInvocation: the action ran and failed, or its outputs could not
	// be converted.
	StageInvocation = "Invocation"
)

// Failure types of a step's FailureDetails.
const (
	// TypeVerification: the action checked something that did not hold
	// (bad input, an assertion, a rejection).
	TypeVerification = "Verification"
	// TypeUnknown: any other failure (an AWS error, a crash).
	TypeUnknown = "Unknown"
)

// terminal reports whether a status is final.
func terminal(status string) bool {
	switch status {
	case StatusSuccess, StatusTimedOut, StatusCancelled, StatusFailed:
		return true
	}
	return false
}

// failed reports whether a final step status counts as a failure.
func failed(status string) bool {
	return status == StatusFailed || status == StatusTimedOut
}
