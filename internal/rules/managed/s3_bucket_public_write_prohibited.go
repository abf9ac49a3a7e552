package managed

import "github.com/salvehq/salve/internal/configitem"

// S3_BUCKET_PUBLIC_WRITE_PROHIBITED: NON_COMPLIANT when the bucket policy
// (unless RestrictPublicBuckets) or the bucket ACL (unless
// IgnorePublicAcls) allows public write access.
var _ = register(&Rule{
	Identifier:      "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
	Name:            "s3-bucket-public-write-prohibited",
	ResourceTypes:   []string{bucketType},
	ChangeTriggered: true,
	Periodic:        true,
	EvaluateItem: func(item *configitem.Item, _ Params) Evaluation {
		return evaluatePublicAccess(item, publicWrite)
	},
})
