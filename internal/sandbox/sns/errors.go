package sns

import (
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// SNS error codes (the Query protocol's <Code>) and their HTTP statuses.
const (
	CodeNotFound              = "NotFound"
	CodeInvalidParameter      = "InvalidParameter"
	CodeParameterValueInvalid = "ParameterValueInvalid"
	CodeAuthorizationError    = "AuthorizationError"
	CodeResourceNotFound      = "ResourceNotFound"
	CodeTagLimitExceeded      = "TagLimitExceeded"
	CodeValidationError       = "ValidationError"
)

// Statuses maps every SNS error code to the HTTP status AWS sends with it.
var Statuses = map[string]int{
	CodeNotFound:              404,
	CodeInvalidParameter:      400,
	CodeParameterValueInvalid: 400,
	CodeAuthorizationError:    403,
	CodeResourceNotFound:      404,
	CodeTagLimitExceeded:      400,
	CodeValidationError:       400,
}

// Err returns an SNS error with its status.
func Err(code, format string, args ...any) *awserr.Error {
	return &awserr.Error{Code: code, Status: Statuses[code], Message: fmt.Sprintf(format, args...)}
}

// invalid is InvalidParameter with SNS's "Invalid parameter: " prefix.
func invalid(format string, args ...any) error {
	return Err(CodeInvalidParameter, "Invalid parameter: "+format, args...)
}

func topicNotFound() error { return Err(CodeNotFound, "Topic does not exist") }

func subscriptionNotFound() error { return Err(CodeNotFound, "Subscription does not exist") }
