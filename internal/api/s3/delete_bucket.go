package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodDelete, levelBucket, "", "DeleteBucket", (*api).deleteBucket)

// deleteBucket deletes a bucket.
func (a *api) deleteBucket(ctx context.Context, q *request) (*response, error) {
	if err := a.S3.DeleteBucket(ctx, q.ref()); err != nil {
		return nil, err
	}
	return noContent(), nil
}
