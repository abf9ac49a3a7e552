package audit

import (
	"net/url"
	"strings"
)

// s3Request is an S3 REST request as the audit trail sees it.
type s3Request struct {
	// Operation is the S3 operation's name ("" when the request is none).
	Operation string
	Bucket    string
	// Key is the object key of an object-level request ("" otherwise).
	Key string
	// Subresource is the query parameter that selects the operation
	// ("encryption"), "" for none.
	Subresource string
}

// s3Subresources are the query parameters that select an S3 operation, in
// the order they are looked for (others, such as prefix, are arguments).
var s3Subresources = []string{
	"acl", "accelerate", "analytics", "abac", "attributes", "cors", "delete", "encryption",
	"intelligent-tiering", "inventory", "legal-hold", "lifecycle", "location", "logging",
	"metadataConfiguration", "metadataTable", "metrics", "notification", "object-lock",
	"ownershipControls", "policy", "policyStatus", "publicAccessBlock", "replication",
	"requestPayment", "restore", "retention", "select", "session", "tagging", "torrent",
	"uploadId", "uploads", "versioning", "versions", "website",
}

// s3BucketConfigs name the bucket subresources whose operations are the
// method's verb and this name (PUT ?encryption: PutBucketEncryption).
var s3BucketConfigs = map[string]string{
	"acl": "BucketAcl", "accelerate": "BucketAccelerateConfiguration", "abac": "BucketAbac",
	"analytics": "BucketAnalyticsConfiguration", "cors": "BucketCors", "encryption": "BucketEncryption",
	"intelligent-tiering": "BucketIntelligentTieringConfiguration", "inventory": "BucketInventoryConfiguration",
	"lifecycle": "BucketLifecycleConfiguration", "logging": "BucketLogging",
	"metadataConfiguration": "BucketMetadataConfiguration", "metadataTable": "BucketMetadataTableConfiguration",
	"metrics": "BucketMetricsConfiguration", "notification": "BucketNotificationConfiguration",
	"object-lock": "ObjectLockConfiguration", "ownershipControls": "BucketOwnershipControls",
	"policy": "BucketPolicy", "policyStatus": "BucketPolicyStatus", "publicAccessBlock": "PublicAccessBlock",
	"replication": "BucketReplication", "requestPayment": "BucketRequestPayment", "tagging": "BucketTagging",
	"versioning": "BucketVersioning", "website": "BucketWebsite",
}

// s3BucketSpecials name the bucket-level routes that do not follow verb +
// configuration name.
var s3BucketSpecials = map[string]string{
	"PUT ": "CreateBucket", "DELETE ": "DeleteBucket", "HEAD ": "HeadBucket", "GET ": "ListObjects",
	"POST ": "PostObject", "GET location": "GetBucketLocation", "GET uploads": "ListMultipartUploads",
	"GET versions": "ListObjectVersions", "POST delete": "DeleteObjects", "GET session": "CreateSession",
	"DELETE lifecycle": "DeleteBucketLifecycle",
}

// s3Verbs are the operation-name verbs of the methods.
var s3Verbs = map[string]string{"GET": "Get", "PUT": "Put", "DELETE": "Delete"}

// parseS3 names a path-style S3 request (/bucket, /bucket/key) from its
// method, path and query, as S3's API does. Object-level requests are
// named by the caller only as data events (Key is set); their Operation is
// left "".
func parseS3(method, path string, query url.Values) s3Request {
	bucket, key, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	r := s3Request{Bucket: bucket, Key: key}
	for _, s := range s3Subresources {
		if query.Has(s) {
			r.Subresource = s
			break
		}
	}
	switch {
	case bucket == "" && method == "GET":
		r.Operation = "ListBuckets"
	case bucket == "" || key != "":
	default:
		r.Operation = s3BucketOperation(method, r.Subresource, query)
	}
	return r
}

// s3BucketOperation names a bucket-level request.
func s3BucketOperation(method, sub string, query url.Values) string {
	if name, ok := s3BucketSpecials[method+" "+sub]; ok {
		if name == "ListObjects" && query.Get("list-type") == "2" {
			return "ListObjectsV2"
		}
		return name
	}
	if name, ok := s3BucketConfigs[sub]; ok && s3Verbs[method] != "" {
		return s3Verbs[method] + name
	}
	return ""
}

// s3Params are an S3 call's requestParameters: the bucket, the
// subresource and other query arguments, and the XML body decoded.
func s3Params(r s3Request, query url.Values, body []byte) map[string]any {
	p := map[string]any{"bucketName": r.Bucket}
	for k, v := range query {
		if strings.HasPrefix(k, "X-Amz-") || k == "x-id" || len(v) == 0 {
			continue
		}
		p[k] = v[0]
	}
	for k, v := range xmlParams(body) {
		p[k] = v
	}
	return p
}
