package managed

import "github.com/salvehq/salve/internal/configitem"

// S3_BUCKET_PUBLIC_READ_PROHIBITED: NON_COMPLIANT when the bucket policy
// (unless RestrictPublicBuckets) or the bucket ACL (unless
// IgnorePublicAcls) allows public read access.
var _ = register(&Rule{
	Identifier:      "S3_BUCKET_PUBLIC_READ_PROHIBITED",
	Name:            "s3-bucket-public-read-prohibited",
	ResourceTypes:   []string{bucketType},
	ChangeTriggered: true,
	Periodic:        true,
	EvaluateItem: func(item *configitem.Item, _ Params) Evaluation {
		return evaluatePublicAccess(item, publicRead)
	},
})
