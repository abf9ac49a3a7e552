package s3

import (
	"fmt"
	"net/http"

	"github.com/salvehq/salve/internal/awserr"
)

// The error codes the S3 sandbox answers. Their statuses and default
// messages are in one table (codes); Err builds an error from it.
const (
	CodeNoSuchBucket                   = "NoSuchBucket"
	CodeBucketAlreadyExists            = "BucketAlreadyExists"
	CodeBucketAlreadyOwnedByYou        = "BucketAlreadyOwnedByYou"
	CodeInvalidBucketName              = "InvalidBucketName"
	CodeIllegalLocationConstraint      = "IllegalLocationConstraintException"
	CodeInvalidLocationConstraint      = "InvalidLocationConstraint"
	CodeAccessDenied                   = "AccessDenied"
	CodeNoSuchEncryptionConfiguration  = "ServerSideEncryptionConfigurationNotFoundError"
	CodeNoSuchPublicAccessBlock        = "NoSuchPublicAccessBlockConfiguration"
	CodeNoSuchBucketPolicy             = "NoSuchBucketPolicy"
	CodeNoSuchTagSet                   = "NoSuchTagSet"
	CodeMalformedXML                   = "MalformedXML"
	CodeMalformedACLError              = "MalformedACLError"
	CodeMalformedPolicy                = "MalformedPolicy"
	CodeInvalidArgument                = "InvalidArgument"
	CodeInvalidRequest                 = "InvalidRequest"
	CodeInvalidTag                     = "InvalidTag"
	CodeInvalidTargetBucketForLogging  = "InvalidTargetBucketForLogging"
	CodeCrossLocationLoggingProhibited = "CrossLocationLoggingProhibited"
	CodeIllegalVersioningConfiguration = "IllegalVersioningConfigurationException"
	CodeUnexpectedContent              = "UnexpectedContent"
	CodeUnresolvableGrantByEmail       = "UnresolvableGrantByEmailAddress"
	CodeInvalidBucketACLWithOwnership  = "InvalidBucketAclWithObjectOwnership"
	CodeACLNotSupported                = "AccessControlListNotSupported"
	CodeMissingSecurityHeader          = "MissingSecurityHeader"
	CodeMissingRequestBody             = "MissingRequestBodyError"
	CodeNotImplemented                 = "NotImplemented"
	CodeBadDigest                      = "BadDigest"
	CodeInvalidDigest                  = "InvalidDigest"
	CodeMethodNotAllowed               = "MethodNotAllowed"
)

// code is a table entry: the HTTP status and the message S3 sends when it
// has nothing more specific to say.
type code struct {
	status  int
	message string
}

const schemaMessage = "The XML you provided was not well-formed or did not validate against our published schema"

var codes = map[string]code{
	CodeNoSuchBucket: {http.StatusNotFound, "The specified bucket does not exist"},
	CodeBucketAlreadyExists: {http.StatusConflict, "The requested bucket name is not available. " +
		"The bucket namespace is shared by all users of the system. Please select a different name and try again."},
	CodeBucketAlreadyOwnedByYou: {http.StatusConflict,
		"Your previous request to create the named bucket succeeded and you already own it."},
	CodeInvalidBucketName: {http.StatusBadRequest, "The specified bucket is not valid."},
	CodeIllegalLocationConstraint: {http.StatusBadRequest,
		"The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."},
	CodeInvalidLocationConstraint: {http.StatusBadRequest, "The specified location-constraint is not valid"},
	CodeAccessDenied:              {http.StatusForbidden, "Access Denied"},
	CodeNoSuchEncryptionConfiguration: {http.StatusNotFound,
		"The server side encryption configuration was not found"},
	CodeNoSuchPublicAccessBlock:        {http.StatusNotFound, "The public access block configuration was not found"},
	CodeNoSuchBucketPolicy:             {http.StatusNotFound, "The bucket policy does not exist"},
	CodeNoSuchTagSet:                   {http.StatusNotFound, "The TagSet does not exist"},
	CodeMalformedXML:                   {http.StatusBadRequest, schemaMessage},
	CodeMalformedACLError:              {http.StatusBadRequest, schemaMessage},
	CodeMalformedPolicy:                {http.StatusBadRequest, "Policies must be valid JSON and the first byte must be '{'"},
	CodeInvalidArgument:                {http.StatusBadRequest, "Invalid Argument"},
	CodeInvalidRequest:                 {http.StatusBadRequest, "Invalid Request"},
	CodeInvalidTag:                     {http.StatusBadRequest, "The TagKey you have provided is invalid"},
	CodeInvalidTargetBucketForLogging:  {http.StatusBadRequest, "The target bucket for logging does not exist"},
	CodeCrossLocationLoggingProhibited: {http.StatusForbidden, "Cross S3 location logging not allowed."},
	CodeIllegalVersioningConfiguration: {http.StatusBadRequest, "The Versioning element must be specified"},
	CodeUnexpectedContent:              {http.StatusBadRequest, "This request does not support content."},
	CodeUnresolvableGrantByEmail: {http.StatusBadRequest,
		"The e-mail address you provided does not match any account on record."},
	CodeInvalidBucketACLWithOwnership: {http.StatusBadRequest,
		"Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"},
	CodeACLNotSupported:       {http.StatusBadRequest, "The bucket does not allow ACLs"},
	CodeMissingSecurityHeader: {http.StatusBadRequest, "Your request was missing a required header"},
	CodeMissingRequestBody:    {http.StatusBadRequest, "Request Body is empty"},
	CodeNotImplemented: {http.StatusNotImplemented,
		"A header or query you provided implies functionality that is not implemented."},
	CodeBadDigest:        {http.StatusBadRequest, "The Content-MD5 you specified did not match what we received."},
	CodeInvalidDigest:    {http.StatusBadRequest, "The Content-MD5 you specified is not valid."},
	CodeMethodNotAllowed: {http.StatusMethodNotAllowed, "The specified method is not allowed against this resource."},
}

// Codes lists every error code of the table (for the wire layer's tests).
func Codes() []string {
	out := make([]string, 0, len(codes))
	for c := range codes {
		out = append(out, c)
	}
	return out
}

// Err returns the error of a code with its table status and message.
func Err(c string) *awserr.Error {
	return &awserr.Error{Code: c, Status: codes[c].status, Message: codes[c].message}
}

// Errf returns the error of a code with its table status and a message of
// its own.
func Errf(c, format string, args ...any) *awserr.Error {
	return &awserr.Error{Code: c, Status: codes[c].status, Message: fmt.Sprintf(format, args...)}
}

// ArgumentError is an error about one request argument (S3's
// InvalidArgument and the like): the wire layer adds ArgumentName and
// ArgumentValue to the error document.
type ArgumentError struct {
	Err   *awserr.Error
	Name  string
	Value string
}

// Error implements error.
func (e *ArgumentError) Error() string { return e.Err.Error() }

// Unwrap returns the AWS error.
func (e *ArgumentError) Unwrap() error { return e.Err }

// invalidArgument returns an InvalidArgument error naming the argument.
func invalidArgument(name, value, format string, args ...any) error {
	return &ArgumentError{Err: Errf(CodeInvalidArgument, format, args...), Name: name, Value: value}
}
