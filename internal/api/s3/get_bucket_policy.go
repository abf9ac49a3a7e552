package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "policy", "GetBucketPolicy", (*api).getBucketPolicy)

// getBucketPolicy answers the bucket policy as it was put
// (NoSuchBucketPolicy when none).
func (a *api) getBucketPolicy(ctx context.Context, q *request) (*response, error) {
	policy, err := a.S3.Policy(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	return &response{status: http.StatusOK, raw: []byte(policy), contentType: "application/json"}, nil
}
