package s3

import (
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

// level is what a request addresses: the service, a bucket or an object.
type level string

const (
	levelService level = "service"
	levelBucket  level = "bucket"
	levelObject  level = "object"
)

// routeKey names a route: method, level and subresource ("" for none).
func routeKey(method string, lvl level, sub string) string {
	return method + " " + string(lvl) + " ?" + sub
}

// subresources are the query parameters that select an S3 operation, in
// the order they are looked for. Other query parameters (prefix,
// list-type, x-id, …) are arguments.
var subresources = []string{
	"acl", "accelerate", "analytics", "abac", "attributes", "cors", "delete", "encryption",
	"intelligent-tiering", "inventory", "legal-hold", "lifecycle", "location", "logging",
	"metadataConfiguration", "metadataTable", "metrics", "notification", "object-lock",
	"ownershipControls", "policy", "policyStatus", "publicAccessBlock", "replication",
	"requestPayment", "restore", "retention", "select", "session", "tagging", "torrent",
	"uploadId", "uploads", "versioning", "versions", "website",
}

// subresource returns the request's subresource, "" for none.
func (q *request) subresource() string {
	for _, s := range subresources {
		if q.query.Has(s) {
			return s
		}
	}
	return ""
}

// level returns what the request addresses.
func (q *request) level() level {
	switch {
	case q.bucket == "":
		return levelService
	case q.key == "":
		return levelBucket
	}
	return levelObject
}

// route finds the operation of a request: a served one, else NotImplemented
// naming the S3 operation the request is (or MethodNotAllowed).
func route(q *request) (operation, error) {
	method, lvl, sub := q.http.Method, q.level(), q.subresource()
	if op, ok := operations[routeKey(method, lvl, sub)]; ok {
		return op, nil
	}
	name := unservedName(method, lvl, sub)
	if name == "" {
		return operation{}, s3.Err(s3.CodeMethodNotAllowed)
	}
	return operation{}, s3.Errf(s3.CodeNotImplemented,
		"Salve's S3 sandbox does not implement %s (%s %s); see docs/compat/s3.md.", name, method, q.http.URL.RequestURI())
}

// verbs are the operation-name verbs of the methods.
var verbs = map[string]string{http.MethodGet: "Get", http.MethodPut: "Put", http.MethodDelete: "Delete"}

// unservedNames name the bucket and object subresources Salve does not
// serve (the part after the verb).
var unservedNames = map[string]string{
	"accelerate": "BucketAccelerateConfiguration", "analytics": "BucketAnalyticsConfiguration",
	"abac": "BucketAbac", "cors": "BucketCors", "intelligent-tiering": "BucketIntelligentTieringConfiguration",
	"inventory": "BucketInventoryConfiguration", "lifecycle": "BucketLifecycleConfiguration",
	"metadataConfiguration": "BucketMetadataConfiguration", "metadataTable": "BucketMetadataTableConfiguration",
	"metrics": "BucketMetricsConfiguration", "notification": "BucketNotificationConfiguration",
	"object-lock": "ObjectLockConfiguration", "ownershipControls": "BucketOwnershipControls",
	"policyStatus": "BucketPolicyStatus", "replication": "BucketReplication",
	"requestPayment": "BucketRequestPayment", "website": "BucketWebsite",
}

// specialNames name the routes whose operation name does not follow
// verb + subresource.
var specialNames = map[string]string{
	routeKey(http.MethodGet, levelBucket, "uploads"):      "ListMultipartUploads",
	routeKey(http.MethodGet, levelBucket, "versions"):     "ListObjectVersions",
	routeKey(http.MethodPost, levelBucket, "delete"):      "DeleteObjects",
	routeKey(http.MethodGet, levelBucket, "session"):      "CreateSession",
	routeKey(http.MethodPost, levelBucket, ""):            "PostObject",
	routeKey(http.MethodGet, levelObject, ""):             "GetObject",
	routeKey(http.MethodHead, levelObject, ""):            "HeadObject",
	routeKey(http.MethodPut, levelObject, ""):             "PutObject",
	routeKey(http.MethodDelete, levelObject, ""):          "DeleteObject",
	routeKey(http.MethodGet, levelObject, "acl"):          "GetObjectAcl",
	routeKey(http.MethodPut, levelObject, "acl"):          "PutObjectAcl",
	routeKey(http.MethodGet, levelObject, "tagging"):      "GetObjectTagging",
	routeKey(http.MethodPut, levelObject, "tagging"):      "PutObjectTagging",
	routeKey(http.MethodDelete, levelObject, "tagging"):   "DeleteObjectTagging",
	routeKey(http.MethodGet, levelObject, "attributes"):   "GetObjectAttributes",
	routeKey(http.MethodGet, levelObject, "retention"):    "GetObjectRetention",
	routeKey(http.MethodPut, levelObject, "retention"):    "PutObjectRetention",
	routeKey(http.MethodGet, levelObject, "legal-hold"):   "GetObjectLegalHold",
	routeKey(http.MethodPut, levelObject, "legal-hold"):   "PutObjectLegalHold",
	routeKey(http.MethodGet, levelObject, "torrent"):      "GetObjectTorrent",
	routeKey(http.MethodPost, levelObject, "restore"):     "RestoreObject",
	routeKey(http.MethodPost, levelObject, "select"):      "SelectObjectContent",
	routeKey(http.MethodPost, levelObject, "uploads"):     "CreateMultipartUpload",
	routeKey(http.MethodPut, levelObject, "uploadId"):     "UploadPart",
	routeKey(http.MethodPost, levelObject, "uploadId"):    "CompleteMultipartUpload",
	routeKey(http.MethodDelete, levelObject, "uploadId"):  "AbortMultipartUpload",
	routeKey(http.MethodGet, levelObject, "uploadId"):     "ListParts",
	routeKey(http.MethodDelete, levelBucket, "lifecycle"): "DeleteBucketLifecycle",
}

// unservedName names the S3 operation of a route Salve does not serve, ""
// when the route is no S3 operation at all.
func unservedName(method string, lvl level, sub string) string {
	if name, ok := specialNames[routeKey(method, lvl, sub)]; ok {
		return name
	}
	if lvl != levelBucket {
		return ""
	}
	if name, ok := unservedNames[sub]; ok && verbs[method] != "" {
		return verbs[method] + name
	}
	return ""
}
