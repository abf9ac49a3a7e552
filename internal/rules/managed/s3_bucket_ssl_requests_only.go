package managed

import (
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
)

// S3_BUCKET_SSL_REQUESTS_ONLY: COMPLIANT when the bucket policy denies
// every S3 action to everyone on the bucket and its objects when
// aws:SecureTransport is false.
var _ = register(&Rule{
	Identifier:      "S3_BUCKET_SSL_REQUESTS_ONLY",
	Name:            "s3-bucket-ssl-requests-only",
	ResourceTypes:   []string{bucketType},
	ChangeTriggered: true,
	EvaluateItem:    evaluateBucketSSLOnly,
})

func evaluateBucketSSLOnly(item *configitem.Item, _ Params) Evaluation {
	doc := bucketPolicy(item)
	if doc == nil {
		return nonCompliant("The bucket has no policy denying requests made without SSL (aws:SecureTransport false).")
	}
	arn := bucketARN(item)
	bucket, objects := false, false
	for i := range doc.Statements {
		s := &doc.Statements[i]
		if !s.denies() || !s.principalIsAnyone() || !deniesAllS3(s) || !insecureTransport(s) {
			continue
		}
		bucket = bucket || s.coversResource(arn)
		objects = objects || s.coversObjects(arn)
	}
	switch {
	case bucket && objects:
		return compliant()
	case bucket || objects:
		return nonCompliant("The bucket policy denies requests without SSL for only the bucket or only its objects; deny both %s and %s/*.", arn, arn)
	}
	return nonCompliant("The bucket policy does not deny requests made without SSL (aws:SecureTransport false).")
}

// deniesAllS3: the statement's actions include s3:* (or *).
func deniesAllS3(s *statement) bool {
	return slices.ContainsFunc(s.Actions, func(a string) bool { return a == "*" || strings.EqualFold(a, "s3:*") })
}

// insecureTransport: Bool (or BoolIfExists) aws:SecureTransport "false".
func insecureTransport(s *statement) bool {
	for _, op := range []string{"Bool", "BoolIfExists"} {
		values, ok := s.conditionValues(op, "aws:SecureTransport")
		if ok && containsFold(values, "false") {
			return true
		}
	}
	return false
}
