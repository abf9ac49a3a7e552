package s3

import (
	"context"
	"net/http"
	"strings"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "", "CreateBucket", (*api).createBucket)

type createBucketConfiguration struct {
	LocationConstraint *string   `xml:"LocationConstraint"`
	Location           *struct{} `xml:"Location"`
	Bucket             *struct{} `xml:"Bucket"`
	Tags               []tagXML  `xml:"Tags>Tag"`
}

// createBucket creates a bucket: the optional CreateBucketConfiguration
// body (LocationConstraint, Tags), the ACL headers and
// x-amz-object-ownership.
func (a *api) createBucket(ctx context.Context, q *request) (*response, error) {
	p := s3.CreateBucketParams{AccountID: q.caller.AccountID, Region: q.caller.Region, Name: q.bucket,
		ObjectOwnership: q.header("X-Amz-Object-Ownership")}
	if strings.EqualFold(q.header("X-Amz-Bucket-Object-Lock-Enabled"), "true") {
		return nil, s3.Errf(s3.CodeNotImplemented, "Salve's S3 sandbox does not implement Object Lock.")
	}
	if q.hasBody() {
		var cfg createBucketConfiguration
		if err := decodeXML(q.body, "CreateBucketConfiguration", &cfg, s3.CodeMalformedXML); err != nil {
			return nil, err
		}
		if cfg.Location != nil || cfg.Bucket != nil {
			return nil, s3.Errf(s3.CodeNotImplemented, "Salve's S3 sandbox does not implement directory buckets.")
		}
		p.LocationConstraint = cfg.LocationConstraint
		tags, err := domainTags(cfg.Tags)
		if err != nil {
			return nil, err
		}
		p.Tags = tags
	}
	acl, err := headerACL(q)
	if err != nil {
		return nil, err
	}
	p.ACL = acl
	b, err := a.S3.CreateBucket(ctx, p)
	if err != nil {
		return nil, err
	}
	return ok().withHeader("Location", bucketLocation(b)), nil
}

// bucketLocation is CreateBucket's Location header: the bucket's path in
// us-east-1, its virtual-hosted URL elsewhere.
func bucketLocation(b *s3.Bucket) string {
	if b.Region == "us-east-1" {
		return "/" + b.Name
	}
	return "http://" + b.Name + ".s3.amazonaws.com/"
}
