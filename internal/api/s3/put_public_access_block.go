package s3

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "publicAccessBlock", "PutPublicAccessBlock", (*api).putPublicAccessBlock)

type publicAccessBlockConfiguration struct {
	BlockPublicAcls       *bool `xml:"BlockPublicAcls"`
	IgnorePublicAcls      *bool `xml:"IgnorePublicAcls"`
	BlockPublicPolicy     *bool `xml:"BlockPublicPolicy"`
	RestrictPublicBuckets *bool `xml:"RestrictPublicBuckets"`
}

// putPublicAccessBlock sets the bucket's public access block.
func (a *api) putPublicAccessBlock(ctx context.Context, q *request) (*response, error) {
	var in publicAccessBlockConfiguration
	if err := requireBody(q, "PublicAccessBlockConfiguration", &in); err != nil {
		return nil, err
	}
	if err := a.S3.PutPublicAccessBlock(ctx, q.ref(), s3.PublicAccessBlockInput(in)); err != nil {
		return nil, err
	}
	return ok(), nil
}
