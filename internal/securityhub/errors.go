package securityhub

import (
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// Security Hub's error codes (the X-Amzn-ErrorType of its REST-JSON errors).
const (
	CodeInvalidInput     = "InvalidInputException"
	CodeInvalidAccess    = "InvalidAccessException"
	CodeResourceConflict = "ResourceConflictException"
	CodeResourceNotFound = "ResourceNotFoundException"
	CodeLimitExceeded    = "LimitExceededException"
	CodeAccessDenied     = "AccessDeniedException"
	CodeInternal         = "InternalException"
	CodeUnknownOperation = "UnknownOperationException"
	CodeSerialization    = "SerializationException"
)

// statuses are the HTTP statuses of the codes, as Security Hub's model
// gives them (the domain holds no net/http, so they are numbers).
var statuses = map[string]int{
	CodeInvalidInput:     400,
	CodeInvalidAccess:    401,
	CodeResourceConflict: 409,
	CodeResourceNotFound: 404,
	CodeLimitExceeded:    429,
	CodeAccessDenied:     403,
	CodeInternal:         500,
	CodeUnknownOperation: 400,
	CodeSerialization:    400,
}

// Codes lists every error code the service answers with.
func Codes() []string {
	out := make([]string, 0, len(statuses))
	for c := range statuses {
		out = append(out, c)
	}
	return out
}

// Status returns the HTTP status of a Security Hub error code (400 for
// codes it does not know).
func Status(code string) int {
	if s, ok := statuses[code]; ok {
		return s
	}
	return 400
}

// Errf returns a Security Hub error with the code's status.
func Errf(code, format string, args ...any) *awserr.Error {
	return &awserr.Error{Code: code, Status: Status(code), Message: fmt.Sprintf(format, args...)}
}

// InvalidInput returns an InvalidInputException.
func InvalidInput(format string, args ...any) *awserr.Error {
	return Errf(CodeInvalidInput, format, args...)
}

// notSubscribed is Security Hub's answer for an account whose hub is off.
func notSubscribed(accountID string) *awserr.Error {
	return Errf(CodeInvalidAccess, "Account %s is not subscribed to AWS Security Hub", accountID)
}

// Per-finding error codes of BatchUpdateFindings' UnprocessedFindings and
// BatchImportFindings' FailedFindings.
const (
	FindingNotFound             = "FindingNotFound"
	DuplicatedFindingIdentifier = "DuplicatedFindingIdentifier"
	FindingSizeExceeded         = "FindingSizeExceeded"
	FindingInvalidInput         = "InvalidInput"
	FindingAccessDenied         = "AccessDeniedException"
)
