package awsproto

import (
	"context"
	"net/http"
	"time"
)

// CallRecord describes one served AWS request, for the audit trail.
type CallRecord struct {
	// Caller is who made it (nil when authentication failed).
	Caller *Caller
	// Service is the signing name ("s3", "config", …); Operation the
	// operation ("PutBucketEncryption"; for REST services, Method and
	// Path say which).
	Service, Operation string
	Method, Path       string
	Query              string
	// Host is the request's Host (virtual-hosted S3 requests name their
	// bucket there).
	Host string
	// Header holds the request's headers (REST services carry parameters
	// there).
	Header http.Header
	// Body is the request body as received.
	Body []byte
	// Status is the HTTP status answered; ErrorCode and ErrorMessage are
	// set for an AWS error.
	Status                  int
	ErrorCode, ErrorMessage string
	RequestID               string
	SourceIP, UserAgent     string
	Time                    time.Time
}

// CallObserver sees every served AWS request after it was answered. It
// runs on the request's goroutine: it must be quick and must not fail the
// request.
type CallObserver func(ctx context.Context, rec *CallRecord)
