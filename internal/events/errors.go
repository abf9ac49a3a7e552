package events

import (
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// EventBridge error codes.
const (
	CodeValidation             = awserr.ValidationException
	CodeResourceNotFound       = "ResourceNotFoundException"
	CodeResourceAlreadyExists  = "ResourceAlreadyExistsException"
	CodeInvalidEventPattern    = "InvalidEventPatternException"
	CodeLimitExceeded          = "LimitExceededException"
	CodeConcurrentModification = "ConcurrentModificationException"
	CodeManagedRule            = "ManagedRuleException"
	CodeInternal               = "InternalException"
	CodeNotAuthorizedForSource = "NotAuthorizedForSourceException"
	CodeInvalidArgument        = "InvalidArgument"
	CodeMalformedDetail        = "MalformedDetail"
)

// Statuses maps the EventBridge error codes to their HTTP statuses (AWS
// answers every modelled error with 400, internal faults with 500).
var Statuses = map[string]int{
	CodeValidation:             400,
	CodeResourceNotFound:       400,
	CodeResourceAlreadyExists:  400,
	CodeInvalidEventPattern:    400,
	CodeLimitExceeded:          400,
	CodeConcurrentModification: 400,
	CodeManagedRule:            400,
	CodeInternal:               500,
}

// Err returns an EventBridge error with its status.
func Err(code, format string, args ...any) *awserr.Error {
	status, ok := Statuses[code]
	if !ok {
		status = 400
	}
	return &awserr.Error{Code: code, Status: status, Message: fmt.Sprintf(format, args...)}
}

func ruleNotFound(name, bus string) error {
	return Err(CodeResourceNotFound, "Rule %s does not exist on EventBus %s.", name, bus)
}

func busNotFound(name string) error {
	return Err(CodeResourceNotFound, "Event bus %s does not exist.", name)
}

func limitExceeded() error {
	return Err(CodeLimitExceeded, "The requested resource exceeds the maximum number allowed.")
}

func validation(format string, args ...any) error {
	return Err(CodeValidation, format, args...)
}
