package managed

import "github.com/salvehq/salve/internal/configitem"

// S3_BUCKET_LOGGING_ENABLED: COMPLIANT when server access logging is on
// and, if given, goes to targetBucket with targetPrefix.
var _ = register(&Rule{
	Identifier:      "S3_BUCKET_LOGGING_ENABLED",
	Name:            "s3-bucket-logging-enabled",
	ResourceTypes:   []string{bucketType},
	ChangeTriggered: true,
	Params:          []Param{{Name: "targetBucket", Type: TypeString}, {Name: "targetPrefix", Type: TypeString}},
	EvaluateItem:    evaluateBucketLogging,
})

func evaluateBucketLogging(item *configitem.Item, params Params) Evaluation {
	logging := obj(supplementary(item, "BucketLoggingConfiguration"))
	dest, prefix := str(logging["destinationBucketName"]), str(logging["logFilePrefix"])
	if dest == "" {
		return nonCompliant("Server access logging is not enabled.")
	}
	if want := params.String("targetBucket"); want != "" && dest != want {
		return nonCompliant("Access logs go to bucket %s, not to targetBucket %s.", dest, want)
	}
	if want := params.String("targetPrefix"); want != "" && prefix != want {
		return nonCompliant("Access logs use the prefix %q, not targetPrefix %q.", prefix, want)
	}
	return compliant()
}
