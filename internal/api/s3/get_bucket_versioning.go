package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "versioning", "GetBucketVersioning", (*api).getBucketVersioning)

// getBucketVersioning answers the bucket's versioning state: an empty
// document for a bucket never versioned.
func (a *api) getBucketVersioning(ctx context.Context, q *request) (*response, error) {
	b, err := a.S3.Bucket(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	v := b.Versioning
	return xmlDoc("VersioningConfiguration", versioningConfiguration{Status: v.Status, MFADelete: v.MFADelete}), nil
}
