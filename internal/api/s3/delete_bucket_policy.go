package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodDelete, levelBucket, "policy", "DeleteBucketPolicy", (*api).deleteBucketPolicy)

// deleteBucketPolicy removes the bucket policy.
func (a *api) deleteBucketPolicy(ctx context.Context, q *request) (*response, error) {
	if err := a.S3.DeletePolicy(ctx, q.ref()); err != nil {
		return nil, err
	}
	return noContent(), nil
}
