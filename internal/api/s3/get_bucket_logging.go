package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "logging", "GetBucketLogging", (*api).getBucketLogging)

type bucketLoggingResult struct {
	LoggingEnabled *loggingEnabled `xml:"LoggingEnabled,omitempty"`
}

type loggingEnabled struct {
	TargetBucket string `xml:"TargetBucket"`
	TargetPrefix string `xml:"TargetPrefix"`
}

// getBucketLogging answers the bucket's access logging: an empty
// BucketLoggingStatus when off.
func (a *api) getBucketLogging(ctx context.Context, q *request) (*response, error) {
	b, err := a.S3.Bucket(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	out := bucketLoggingResult{}
	if l := b.Logging; l != nil {
		out.LoggingEnabled = &loggingEnabled{TargetBucket: l.TargetBucket, TargetPrefix: l.TargetPrefix}
	}
	return xmlDoc("BucketLoggingStatus", out), nil
}
