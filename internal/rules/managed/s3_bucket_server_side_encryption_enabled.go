package managed

import (
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
)

// S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: COMPLIANT when the bucket has
// default encryption, or when its policy explicitly denies PutObject
// requests made without SSE-S3 or SSE-KMS.
var _ = register(&Rule{
	Identifier:      "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
	Name:            "s3-bucket-server-side-encryption-enabled",
	ResourceTypes:   []string{bucketType},
	ChangeTriggered: true,
	EvaluateItem:    evaluateBucketEncryption,
})

// sseAlgorithms are the x-amz-server-side-encryption values a deny policy
// may insist on.
var sseAlgorithms = []string{"AES256", "aws:kms", "aws:kms:dsse"}

func evaluateBucketEncryption(item *configitem.Item, _ Params) Evaluation {
	if hasDefaultEncryption(item) {
		return compliant()
	}
	if doc := bucketPolicy(item); doc != nil && deniesUnencryptedPuts(doc, bucketARN(item)) {
		return compliant()
	}
	return nonCompliant("Default encryption is not enabled and the bucket policy does not deny unencrypted uploads.")
}

func hasDefaultEncryption(item *configitem.Item) bool {
	sse := obj(supplementary(item, "ServerSideEncryptionConfiguration"))
	for _, r := range list(sse["rules"]) {
		if str(path(obj(r), "applyServerSideEncryptionByDefault", "sseAlgorithm")) != "" {
			return true
		}
	}
	return false
}

// deniesUnencryptedPuts looks for a Deny of s3:PutObject on every object,
// for everyone, conditioned on the request's encryption header.
func deniesUnencryptedPuts(doc *policyDocument, arn string) bool {
	for i := range doc.Statements {
		s := &doc.Statements[i]
		if s.denies() && s.principalIsAnyone() && s.coversAction("s3:PutObject") && s.coversObjects(arn) && requiresEncryptionHeader(s) {
			return true
		}
	}
	return false
}

// requiresEncryptionHeader: StringNotEquals the header to a valid
// algorithm, or Null on the header.
func requiresEncryptionHeader(s *statement) bool {
	const key = "s3:x-amz-server-side-encryption"
	for _, op := range []string{"StringNotEquals", "StringNotEqualsIfExists", "StringNotLike", "StringNotEqualsIgnoreCase"} {
		values, ok := s.conditionValues(op, key)
		if ok && len(values) > 0 && allValidAlgorithms(values) {
			return true
		}
	}
	values, ok := s.conditionValues("Null", key)
	return ok && slices.Contains(values, "true")
}

func allValidAlgorithms(values []string) bool {
	for _, v := range values {
		if !slices.ContainsFunc(sseAlgorithms, func(a string) bool { return strings.EqualFold(a, v) }) {
			return false
		}
	}
	return true
}
