package s3

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "tagging", "PutBucketTagging", (*api).putBucketTagging)

type tagging struct {
	TagSet *struct {
		Tags []tagXML `xml:"Tag"`
	} `xml:"TagSet"`
}

// putBucketTagging replaces the bucket's tag set.
func (a *api) putBucketTagging(ctx context.Context, q *request) (*response, error) {
	var in tagging
	if err := requireBody(q, "Tagging", &in); err != nil {
		return nil, err
	}
	if in.TagSet == nil {
		return nil, s3.Err(s3.CodeMalformedXML)
	}
	tags, err := domainTags(in.TagSet.Tags)
	if err != nil {
		return nil, err
	}
	if err := a.S3.PutTagging(ctx, q.ref(), tags); err != nil {
		return nil, err
	}
	return noContent(), nil
}
