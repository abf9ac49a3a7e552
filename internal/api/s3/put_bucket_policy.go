package s3

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "policy", "PutBucketPolicy", (*api).putBucketPolicy)

// putBucketPolicy sets the bucket policy (the body is the JSON document).
func (a *api) putBucketPolicy(ctx context.Context, q *request) (*response, error) {
	if !q.hasBody() {
		return nil, s3.Err(s3.CodeMissingRequestBody)
	}
	if err := a.S3.PutPolicy(ctx, q.ref(), string(q.body)); err != nil {
		return nil, err
	}
	return noContent(), nil
}
