package s3

import (
	"context"
	"encoding/xml"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/sandbox/s3"
)

// errorContext is what an error document names besides the error.
type errorContext struct {
	requestID string
	bucket    string
}

// bucketErrors are the codes whose error documents name the bucket.
var bucketErrors = map[string]bool{
	s3.CodeNoSuchBucket: true, s3.CodeBucketAlreadyExists: true, s3.CodeBucketAlreadyOwnedByYou: true,
	s3.CodeInvalidBucketName: true, s3.CodeNoSuchBucketPolicy: true, s3.CodeNoSuchTagSet: true,
	s3.CodeNoSuchEncryptionConfiguration: true, s3.CodeNoSuchPublicAccessBlock: true,
}

// wireCode is the S3 error a wire-layer error becomes.
type wireCode struct {
	code   string
	status int
	// message replaces the wire layer's message when set.
	message string
}

// wireCodes map the errors the server raises before a handler runs
// (authentication, body) to the codes S3 answers.
var wireCodes = map[string]wireCode{
	awserr.InvalidSignatureException:    {"SignatureDoesNotMatch", http.StatusForbidden, ""},
	awserr.UnrecognizedClientException:  {"InvalidAccessKeyId", http.StatusForbidden, "The AWS Access Key Id you provided does not exist in our records."},
	awserr.IncompleteSignatureException: {"AuthorizationHeaderMalformed", http.StatusBadRequest, ""},
	awserr.MissingAuthenticationToken:   {"AccessDenied", http.StatusForbidden, "Access Denied"},
	awserr.RequestEntityTooLarge:        {"MaxMessageLengthExceeded", http.StatusBadRequest, ""},
	awserr.SerializationException:       {"IncompleteBody", http.StatusBadRequest, ""},
	awserr.InternalFailure:              {"InternalError", http.StatusInternalServerError, ""},
}

// errorDoc is S3's error document.
type errorDoc struct {
	XMLName       xml.Name `xml:"Error"`
	Code          string   `xml:"Code"`
	Message       string   `xml:"Message"`
	BucketName    string   `xml:"BucketName,omitempty"`
	ArgumentName  string   `xml:"ArgumentName,omitempty"`
	ArgumentValue string   `xml:"ArgumentValue,omitempty"`
	RequestID     string   `xml:"RequestId"`
	HostID        string   `xml:"HostId"`
}

// WriteError renders, in S3's error shape, an error the server found
// before the handler ran (authentication, body too large); it is the
// RESTService's WriteError hook.
func WriteError(w http.ResponseWriter, r *http.Request, err error, requestID string) int {
	q := newRequest(r, nil, nil)
	return writeError(w, r, errorContext{requestID: requestID, bucket: q.bucket}, err, nil)
}

// writeError renders err as S3 does and returns the status sent. Errors
// that are not AWS errors are server faults: logged, answered with
// InternalError.
func writeError(w http.ResponseWriter, r *http.Request, ec errorContext, err error, logger *slog.Logger) int {
	ae, ok := awserr.As(err)
	if !ok {
		if errors.Is(err, context.Canceled) {
			return 499
		}
		if logger != nil {
			logger.Error("internal error", "request_id", ec.requestID, "method", r.Method, "path", r.URL.Path, "err", err)
		}
		ae = &awserr.Error{Code: "InternalError", Status: http.StatusInternalServerError,
			Message: "We encountered an internal error (request " + ec.requestID + "); nothing was changed. See the server log."}
	}
	doc := errorDocument(ae, err, ec)
	status := doc.status
	h := w.Header()
	setRequestHeaders(h, ec.requestID)
	if r.Method == http.MethodHead { // a HEAD answer has no body; the status says it all
		w.WriteHeader(status)
		return status
	}
	h.Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	body, _ := xml.Marshal(doc.errorDoc) // strings only: cannot fail
	w.Write([]byte(xml.Header))
	w.Write(body)
	return status
}

// statusDoc is an error document and its HTTP status.
type statusDoc struct {
	errorDoc
	status int
}

// errorDocument builds the document of an AWS error, mapping wire-layer
// codes to S3's and adding the bucket and argument it is about.
func errorDocument(ae *awserr.Error, err error, ec errorContext) statusDoc {
	code, msg, status := ae.Code, ae.Message, ae.HTTPStatus()
	if wc, ok := wireCodes[code]; ok {
		code, status = wc.code, wc.status
		if wc.message != "" {
			msg = wc.message
		}
	}
	doc := errorDoc{Code: code, Message: strings.TrimSpace(msg), RequestID: ec.requestID, HostID: hostID(ec.requestID)}
	if bucketErrors[code] {
		doc.BucketName = ec.bucket
	}
	var arg *s3.ArgumentError
	if errors.As(err, &arg) {
		doc.ArgumentName, doc.ArgumentValue = arg.Name, arg.Value
	}
	return statusDoc{errorDoc: doc, status: status}
}
