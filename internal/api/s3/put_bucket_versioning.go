package s3

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "versioning", "PutBucketVersioning", (*api).putBucketVersioning)

// versioningConfiguration is the VersioningConfiguration document of
// requests and responses.
type versioningConfiguration struct {
	Status    string `xml:"Status,omitempty"`
	MFADelete string `xml:"MfaDelete,omitempty"`
}

// putBucketVersioning sets the bucket's versioning state (x-amz-mfa for
// MFA delete).
func (a *api) putBucketVersioning(ctx context.Context, q *request) (*response, error) {
	var in versioningConfiguration
	if err := requireBody(q, "VersioningConfiguration", &in); err != nil {
		return nil, err
	}
	err := a.S3.PutVersioning(ctx, s3.PutVersioningParams{Ref: q.ref(), Status: in.Status,
		MFADelete: in.MFADelete, MFA: q.header("X-Amz-Mfa")})
	if err != nil {
		return nil, err
	}
	return ok(), nil
}
