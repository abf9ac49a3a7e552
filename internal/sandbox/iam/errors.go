package iam

import (
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// IAM error codes (the Query protocol's <Code>) and their HTTP statuses.
const (
	CodeNoSuchEntity            = "NoSuchEntity"
	CodeEntityAlreadyExists     = "EntityAlreadyExists"
	CodeDeleteConflict          = "DeleteConflict"
	CodeLimitExceeded           = "LimitExceeded"
	CodeMalformedPolicyDocument = "MalformedPolicyDocument"
	CodeInvalidInput            = "InvalidInput"
	CodeValidationError         = "ValidationError"
	CodeUnmodifiableEntity      = "UnmodifiableEntity"
	CodePolicyNotAttachable     = "PolicyNotAttachable"
)

// Statuses maps every IAM error code to the HTTP status AWS sends with it.
var Statuses = map[string]int{
	CodeNoSuchEntity:            404,
	CodeEntityAlreadyExists:     409,
	CodeDeleteConflict:          409,
	CodeLimitExceeded:           409,
	CodeMalformedPolicyDocument: 400,
	CodeInvalidInput:            400,
	CodeValidationError:         400,
	CodeUnmodifiableEntity:      400,
	CodePolicyNotAttachable:     400,
}

// Err returns an IAM error with its status.
func Err(code, format string, args ...any) *awserr.Error {
	return &awserr.Error{Code: code, Status: Statuses[code], Message: fmt.Sprintf(format, args...)}
}

func noSuchEntity(format string, args ...any) error { return Err(CodeNoSuchEntity, format, args...) }

func alreadyExists(what, name string) error {
	return Err(CodeEntityAlreadyExists, "%s with name %s already exists.", what, name)
}

func deleteConflict(format string, args ...any) error {
	return Err(CodeDeleteConflict, format, args...)
}

func quota(name string, limit int) error {
	return Err(CodeLimitExceeded, "Cannot exceed quota for %s: %d.", name, limit)
}

func malformed(format string, args ...any) error {
	return Err(CodeMalformedPolicyDocument, format, args...)
}

func invalidInput(format string, args ...any) error { return Err(CodeInvalidInput, format, args...) }
