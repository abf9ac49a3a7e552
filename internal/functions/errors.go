package functions

import (
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// The error codes the functions service answers. Their statuses are in
// one table (codes); Err and Errf build errors from it.
const (
	CodeResourceNotFound        = "ResourceNotFoundException"
	CodeResourceConflict        = "ResourceConflictException"
	CodeInvalidParameterValue   = "InvalidParameterValueException"
	CodeInvalidRequestContent   = "InvalidRequestContentException"
	CodeRequestEntityTooLarge   = "RequestEntityTooLargeException"
	CodeRequestTooLarge         = "RequestTooLargeException"
	CodePreconditionFailed      = "PreconditionFailedException"
	CodeAccessDenied            = "AccessDeniedException"
	CodeService                 = "ServiceException"
	CodeValidation              = awserr.ValidationException
	CodeUnsupportedMediaType    = "UnsupportedMediaTypeException"
	CodeUnknownOperation        = "UnknownOperationException"
	CodeSerialization           = awserr.SerializationException
	CodeInvalidSignature        = awserr.InvalidSignatureException
	CodeUnrecognizedClient      = awserr.UnrecognizedClientException
	CodeIncompleteSignature     = awserr.IncompleteSignatureException
	CodeMissingAuthentication   = awserr.MissingAuthenticationToken
	CodeCodeStorageExceeded     = "CodeStorageExceededException"
	CodeTooManyRequests         = "TooManyRequestsException"
	CodeInvalidRuntime          = "InvalidRuntimeException"
	CodeInvalidZipFile          = "InvalidZipFileException"
	CodeResourceNotReady        = "ResourceNotReadyException"
	CodeSerializedRequestTooBig = "SerializedRequestEntityTooLargeException"
)

// codes maps every code to its HTTP status (from Lambda's model).
var codes = map[string]int{
	CodeResourceNotFound:        404,
	CodeResourceConflict:        409,
	CodeInvalidParameterValue:   400,
	CodeInvalidRequestContent:   400,
	CodeRequestEntityTooLarge:   413,
	CodeRequestTooLarge:         413,
	CodePreconditionFailed:      412,
	CodeAccessDenied:            403,
	CodeService:                 500,
	CodeValidation:              400,
	CodeUnsupportedMediaType:    415,
	CodeUnknownOperation:        404,
	CodeSerialization:           400,
	CodeInvalidSignature:        403,
	CodeUnrecognizedClient:      403,
	CodeIncompleteSignature:     403,
	CodeMissingAuthentication:   403,
	CodeCodeStorageExceeded:     400,
	CodeTooManyRequests:         429,
	CodeInvalidRuntime:          502,
	CodeInvalidZipFile:          502,
	CodeResourceNotReady:        502,
	CodeSerializedRequestTooBig: 413,
}

// Codes lists every error code of the table (for the wire layer's tests).
func Codes() []string {
	out := make([]string, 0, len(codes))
	for c := range codes {
		out = append(out, c)
	}
	return out
}

// Status returns the HTTP status of a code of the table (0 if unknown).
func Status(code string) int { return codes[code] }

// Errf returns the error of a code with its table status.
func Errf(code, format string, args ...any) *awserr.Error {
	return &awserr.Error{Code: code, Status: codes[code], Message: fmt.Sprintf(format, args...)}
}

// notFound is the error of a function that does not exist.
func notFound(arn string) *awserr.Error {
	return Errf(CodeResourceNotFound, "Function not found: %s", arn)
}

// invalid is an InvalidParameterValueException.
func invalid(format string, args ...any) *awserr.Error {
	return Errf(CodeInvalidParameterValue, format, args...)
}

// Code returns the AWS error code of err ("" when it is not an AWS error).
func Code(err error) string {
	if ae, ok := awserr.As(err); ok {
		return ae.Code
	}
	return ""
}
