package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "tagging", "GetBucketTagging", (*api).getBucketTagging)

type taggingResult struct {
	Tags []tagResult `xml:"TagSet>Tag"`
}

// getBucketTagging answers the bucket's tag set (NoSuchTagSet when none).
func (a *api) getBucketTagging(ctx context.Context, q *request) (*response, error) {
	tags, err := a.S3.Tagging(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	out := taggingResult{}
	for _, t := range tags {
		out.Tags = append(out.Tags, tagResult(t))
	}
	return xmlDoc("Tagging", out), nil
}
