package s3

import (
	"encoding/json"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// ResourceType is the Config resource type of a bucket.
const ResourceType = "AWS::S3::Bucket"

// ARN returns the ARN of a bucket in a region's partition.
func ARN(region, name string) string { return "arn:" + tenant.Partition(region) + ":s3:::" + name }

// configItem builds the bucket's configuration item (the shape
// docs/CONFIGURATION_ITEMS.md promises for AWS::S3::Bucket).
func configItem(b *Bucket, status string, now time.Time) configitem.Item {
	it := configitem.Item{
		ResourceType: ResourceType, ResourceID: b.Name, ResourceName: b.Name,
		ARN: ARN(b.Region, b.Name), AvailabilityZone: "Regional",
		ResourceCreationTime: b.CreationDate, Status: status, CaptureTime: now,
	}
	if status == configitem.StatusResourceDeleted {
		return it
	}
	it.Configuration = map[string]any{
		"name":         b.Name,
		"owner":        map[string]any{"displayName": nil, "id": b.ACL.Owner},
		"creationDate": b.CreationDate.UTC().Format(time.RFC3339),
	}
	it.SupplementaryConfiguration = supplementary(b)
	it.Tags = tagMap(b.Tags)
	return it
}

// supplementary builds the item's supplementaryConfiguration.
func supplementary(b *Bucket) map[string]any {
	sc := map[string]any{
		"BucketVersioningConfiguration": map[string]any{
			"status": versioningStatus(b.Versioning.Status), "isMfaDeleteEnabled": mfaDeleteEnabled(b.Versioning.MFADelete),
		},
		"AccessControlList":          aclJSON(b.ACL),
		"BucketPolicy":               map[string]any{"policyText": optional(b.Policy)},
		"BucketLoggingConfiguration": loggingItem(b.Logging),
	}
	if e := b.Encryption; e != nil {
		sc["ServerSideEncryptionConfiguration"] = map[string]any{"rules": []any{map[string]any{
			"applyServerSideEncryptionByDefault": map[string]any{
				"sseAlgorithm": e.SSEAlgorithm, "kmsMasterKeyID": optional(e.KMSMasterKeyID),
			},
			"bucketKeyEnabled": e.BucketKeyEnabled,
		}}}
	}
	if p := b.PublicAccessBlock; p != nil {
		sc["PublicAccessBlockConfiguration"] = map[string]any{
			"blockPublicAcls": p.BlockPublicAcls, "ignorePublicAcls": p.IgnorePublicAcls,
			"blockPublicPolicy": p.BlockPublicPolicy, "restrictPublicBuckets": p.RestrictPublicBuckets,
		}
	}
	if len(b.Tags) > 0 {
		tags := map[string]any{}
		for k, v := range tagMap(b.Tags) {
			tags[k] = v
		}
		sc["BucketTaggingConfiguration"] = map[string]any{"tagSets": []any{map[string]any{"tags": tags}}}
	}
	return sc
}

func versioningStatus(s string) string {
	if s == "" {
		return "Off"
	}
	return s
}

func mfaDeleteEnabled(s string) any {
	if s == "" {
		return nil
	}
	return s == MFADeleteEnabled
}

// optional returns s, or nil when it is empty.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func loggingItem(l *Logging) map[string]any {
	if l == nil {
		return map[string]any{"destinationBucketName": nil, "logFilePrefix": nil}
	}
	return map[string]any{"destinationBucketName": l.TargetBucket, "logFilePrefix": optional(l.TargetPrefix)}
}

// itemPermissions maps ACL permissions to the names Config records.
var itemPermissions = map[string]string{
	PermFullControl: "FullControl", PermRead: "Read", PermWrite: "Write",
	PermReadACP: "ReadAcp", PermWriteACP: "WriteAcp",
}

// itemGroups maps group URIs to the names Config records.
var itemGroups = map[string]string{
	GroupAllUsers: "AllUsers", GroupAuthenticatedUsers: "AuthenticatedUsers", GroupLogDelivery: "LogDelivery",
}

// aclJSON renders the ACL as the JSON string Config records.
func aclJSON(a ACL) string {
	grants := make([]any, 0, len(a.Grants))
	for _, g := range a.Grants {
		var grantee any = map[string]any{"id": g.Grantee.ID, "displayName": nil}
		if g.Grantee.Type == GranteeGroup {
			grantee = itemGroups[g.Grantee.URI]
		}
		grants = append(grants, map[string]any{"grantee": grantee, "permission": itemPermissions[g.Permission]})
	}
	doc := map[string]any{
		"grantSet": nil, "grantList": grants,
		"owner":              map[string]any{"displayName": nil, "id": a.Owner},
		"isRequesterCharged": false,
	}
	b, _ := json.Marshal(doc) // maps of strings, bools and nils always encode
	return string(b)
}
