package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodDelete, levelBucket, "encryption", "DeleteBucketEncryption", (*api).deleteBucketEncryption)

// deleteBucketEncryption removes the bucket's default encryption.
func (a *api) deleteBucketEncryption(ctx context.Context, q *request) (*response, error) {
	if err := a.S3.DeleteEncryption(ctx, q.ref()); err != nil {
		return nil, err
	}
	return noContent(), nil
}
