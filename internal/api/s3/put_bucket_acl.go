package s3

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "acl", "PutBucketAcl", (*api).putBucketACL)

// putBucketACL replaces the bucket's ACL: a canned ACL (x-amz-acl), grant
// headers (x-amz-grant-*) or an AccessControlPolicy body.
func (a *api) putBucketACL(ctx context.Context, q *request) (*response, error) {
	in, err := headerACL(q)
	if err != nil {
		return nil, err
	}
	if q.hasBody() {
		var doc accessControlPolicy
		if err := decodeXML(q.body, "AccessControlPolicy", &doc, s3.CodeMalformedACLError); err != nil {
			return nil, err
		}
		in.Policy = doc.domainACL()
	}
	if err := a.S3.PutACL(ctx, q.ref(), in); err != nil {
		return nil, err
	}
	return ok(), nil
}
