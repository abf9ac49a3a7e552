package managed

import (
	"slices"

	"github.com/salvehq/salve/internal/configitem"
)

// S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED: NON_COMPLIANT when any of the
// bucket's four Block Public Access settings is off, unless the bucket is
// listed in excludedPublicBuckets.
var _ = register(&Rule{
	Identifier:      "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
	Name:            "s3-bucket-level-public-access-prohibited",
	ResourceTypes:   []string{bucketType},
	ChangeTriggered: true,
	Params:          []Param{{Name: "excludedPublicBuckets", Type: TypeCSV}},
	EvaluateItem:    evaluateBucketLevelPublicAccess,
})

func evaluateBucketLevelPublicAccess(item *configitem.Item, params Params) Evaluation {
	if slices.Contains(params.CSV("excludedPublicBuckets"), item.ResourceID) {
		return Evaluation{ComplianceType: Compliant, Annotation: "The bucket is listed in excludedPublicBuckets."}
	}
	bpa := bucketPublicAccessBlock(item)
	var off []string
	for _, s := range []struct {
		name string
		on   bool
	}{
		{"BlockPublicAcls", bpa.BlockPublicAcls}, {"IgnorePublicAcls", bpa.IgnorePublicAcls},
		{"BlockPublicPolicy", bpa.BlockPublicPolicy}, {"RestrictPublicBuckets", bpa.RestrictPublicBuckets},
	} {
		if !s.on {
			off = append(off, s.name)
		}
	}
	if len(off) > 0 {
		return nonCompliant("Block Public Access is off for the bucket: %s.", joinList(off))
	}
	return compliant()
}
