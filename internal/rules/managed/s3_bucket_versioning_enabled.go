package managed

import "github.com/salvehq/salve/internal/configitem"

// S3_BUCKET_VERSIONING_ENABLED: COMPLIANT when versioning is Enabled and,
// if isMfaDeleteEnabled is "true", MFA delete is enabled too.
var _ = register(&Rule{
	Identifier:      "S3_BUCKET_VERSIONING_ENABLED",
	Name:            "s3-bucket-versioning-enabled",
	ResourceTypes:   []string{bucketType},
	ChangeTriggered: true,
	Params:          []Param{{Name: "isMfaDeleteEnabled", Type: TypeString}},
	EvaluateItem:    evaluateBucketVersioning,
})

func evaluateBucketVersioning(item *configitem.Item, params Params) Evaluation {
	v := obj(supplementary(item, "BucketVersioningConfiguration"))
	status := str(v["status"])
	if status != "Enabled" {
		if status == "" {
			status = "Off"
		}
		return nonCompliant("Versioning is not enabled (status %s).", status)
	}
	if params.Bool("isMfaDeleteEnabled") && !boolean(v["isMfaDeleteEnabled"]) {
		return nonCompliant("Versioning is enabled but MFA delete is not.")
	}
	return compliant()
}
