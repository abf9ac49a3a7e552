package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodHead, levelBucket, "", "HeadBucket", (*api).headBucket)

// headBucket answers 200 with the bucket's region for a bucket the caller
// owns (404 or 403, without a body, otherwise).
func (a *api) headBucket(ctx context.Context, q *request) (*response, error) {
	b, err := a.S3.Bucket(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	return ok().withHeader("X-Amz-Bucket-Region", b.Region).withHeader("X-Amz-Access-Point-Alias", "false"), nil
}
