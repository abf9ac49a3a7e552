package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "publicAccessBlock", "GetPublicAccessBlock", (*api).getPublicAccessBlock)

type publicAccessBlockResult struct {
	BlockPublicAcls       bool `xml:"BlockPublicAcls"`
	IgnorePublicAcls      bool `xml:"IgnorePublicAcls"`
	BlockPublicPolicy     bool `xml:"BlockPublicPolicy"`
	RestrictPublicBuckets bool `xml:"RestrictPublicBuckets"`
}

// getPublicAccessBlock answers the bucket's public access block
// (NoSuchPublicAccessBlockConfiguration when none).
func (a *api) getPublicAccessBlock(ctx context.Context, q *request) (*response, error) {
	p, err := a.S3.PublicAccessBlock(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	return xmlDoc("PublicAccessBlockConfiguration", publicAccessBlockResult(*p)), nil
}
