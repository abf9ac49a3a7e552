package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "location", "GetBucketLocation", (*api).getBucketLocation)

type locationConstraint struct {
	Value string `xml:",chardata"`
}

// getBucketLocation answers the bucket's location constraint: empty for
// us-east-1.
func (a *api) getBucketLocation(ctx context.Context, q *request) (*response, error) {
	b, err := a.S3.Bucket(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	return xmlDoc("LocationConstraint", locationConstraint{Value: b.LocationConstraint}), nil
}
