package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "acl", "GetBucketAcl", (*api).getBucketACL)

// getBucketACL answers the bucket's ACL.
func (a *api) getBucketACL(ctx context.Context, q *request) (*response, error) {
	b, err := a.S3.Bucket(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	return xmlDoc("AccessControlPolicy", aclResult(b.ACL)), nil
}
