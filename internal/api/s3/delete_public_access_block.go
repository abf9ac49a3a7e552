package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodDelete, levelBucket, "publicAccessBlock", "DeletePublicAccessBlock", (*api).deletePublicAccessBlock)

// deletePublicAccessBlock removes the bucket's public access block.
func (a *api) deletePublicAccessBlock(ctx context.Context, q *request) (*response, error) {
	if err := a.S3.DeletePublicAccessBlock(ctx, q.ref()); err != nil {
		return nil, err
	}
	return noContent(), nil
}
