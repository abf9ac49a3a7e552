package s3

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "logging", "PutBucketLogging", (*api).putBucketLogging)

type bucketLoggingStatus struct {
	LoggingEnabled *struct {
		TargetBucket *string `xml:"TargetBucket"`
		TargetPrefix *string `xml:"TargetPrefix"`
	} `xml:"LoggingEnabled"`
}

// putBucketLogging turns server access logging on (LoggingEnabled) or off
// (an empty BucketLoggingStatus).
func (a *api) putBucketLogging(ctx context.Context, q *request) (*response, error) {
	var in bucketLoggingStatus
	if err := requireBody(q, "BucketLoggingStatus", &in); err != nil {
		return nil, err
	}
	var l *s3.Logging
	if le := in.LoggingEnabled; le != nil {
		if le.TargetBucket == nil || le.TargetPrefix == nil {
			return nil, s3.Err(s3.CodeMalformedXML)
		}
		l = &s3.Logging{TargetBucket: *le.TargetBucket, TargetPrefix: *le.TargetPrefix}
	}
	if err := a.S3.PutLogging(ctx, q.ref(), l); err != nil {
		return nil, err
	}
	return ok(), nil
}
