package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodDelete, levelBucket, "tagging", "DeleteBucketTagging", (*api).deleteBucketTagging)

// deleteBucketTagging removes the bucket's tag set.
func (a *api) deleteBucketTagging(ctx context.Context, q *request) (*response, error) {
	if err := a.S3.DeleteTagging(ctx, q.ref()); err != nil {
		return nil, err
	}
	return noContent(), nil
}
