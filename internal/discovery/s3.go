package discovery

import (
	"encoding/json"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/sandbox/s3"
)

// The S3 errors that mean "the bucket has no such setting".
const (
	codeNoEncryption        = "ServerSideEncryptionConfigurationNotFoundError"
	codeNoPublicAccessBlock = "NoSuchPublicAccessBlockConfiguration"
	codeNoBucketPolicy      = "NoSuchBucketPolicy"
	codeNoTagSet            = "NoSuchTagSet"
)

// buckets discovers the buckets of the scope's region.
func (sc *scan) buckets() {
	var buckets []map[string]any
	owner := ""
	ok := sc.pages("s3", "ListBuckets", nil, paging{out: "ContinuationToken"}, func(out map[string]any) {
		buckets = append(buckets, objs(out, "Buckets")...)
		owner = str(obj(out, "Owner"), "ID")
	})
	sc.list(s3.ResourceType, ok)
	names := map[string]bool{}
	for _, b := range buckets {
		name := str(b, "Name")
		names[name] = true
		region, known := sc.bucketRegion(b)
		switch {
		case !known:
			// Where it lives is unknown: keep whatever was recorded.
			sc.see(s3.ResourceType, name)
		case region == sc.scope.Region:
			sc.add(s3.ResourceType, name, sc.bucket(b, owner))
		}
	}
	if ok {
		sc.s.forgetRegions(names)
	}
}

// bucketRegion returns the region of a listed bucket: the listing's
// BucketRegion, else the cached or asked GetBucketLocation.
func (sc *scan) bucketRegion(b map[string]any) (string, bool) {
	name := str(b, "Name")
	if r := str(b, "BucketRegion"); r != "" {
		return r, true
	}
	if r, ok := sc.s.regions[name]; ok {
		return r, true
	}
	out := sc.call("s3", "GetBucketLocation", map[string]any{"Bucket": name})
	if out == nil {
		return "", false
	}
	r := locationRegion(str(out, "LocationConstraint"))
	sc.s.regions[name] = r
	return r, true
}

// locationRegion maps a LocationConstraint to its region: none means
// us-east-1, and EU is eu-west-1's legacy name.
func locationRegion(constraint string) string {
	switch constraint {
	case "":
		return "us-east-1"
	case "EU":
		return "eu-west-1"
	}
	return constraint
}

// forgetRegions drops the cached regions of buckets no longer listed.
func (s *Service) forgetRegions(listed map[string]bool) {
	for name := range s.regions {
		if !listed[name] {
			delete(s.regions, name)
		}
	}
}

// bucketReads are the answers of a bucket's Get calls (nil: the setting
// is absent).
type bucketReads struct {
	acl, versioning, encryption, publicAccessBlock, policy, logging, tagging map[string]any
}

// bucket reads a bucket's settings and builds its item; nil when one of
// them could not be read.
func (sc *scan) bucket(b map[string]any, owner string) *configitem.Item {
	var r bucketReads
	in := map[string]any{"Bucket": str(b, "Name")}
	for _, q := range []struct {
		api    string
		dst    *map[string]any
		absent string
	}{
		{"GetBucketAcl", &r.acl, ""},
		{"GetBucketVersioning", &r.versioning, ""},
		{"GetBucketEncryption", &r.encryption, codeNoEncryption},
		{"GetPublicAccessBlock", &r.publicAccessBlock, codeNoPublicAccessBlock},
		{"GetBucketPolicy", &r.policy, codeNoBucketPolicy},
		{"GetBucketLogging", &r.logging, ""},
		{"GetBucketTagging", &r.tagging, codeNoTagSet},
	} {
		out, ok := sc.lookup("s3", q.api, in, q.absent)
		if !ok {
			return nil
		}
		*q.dst = out
	}
	return bucketItem(sc.scope.Region, b, owner, &r)
}

// bucketItem builds a bucket's item from its listing entry and settings.
func bucketItem(region string, b map[string]any, owner string, r *bucketReads) *configitem.Item {
	name := str(b, "Name")
	if id := str(obj(r.acl, "Owner"), "ID"); id != "" {
		owner = id
	}
	tags := tagPairs(r.tagging, "TagSet")
	return &configitem.Item{ResourceType: s3.ResourceType, ResourceID: name, ResourceName: name,
		ARN: s3.ARN(region, name), AvailabilityZone: "Regional", ResourceCreationTime: timestamp(b, "CreationDate"),
		Configuration: map[string]any{"name": name, "owner": map[string]any{"displayName": nil, "id": owner},
			"creationDate": rfc3339(b, "CreationDate")},
		SupplementaryConfiguration: r.supplementary(owner, tags), Tags: tagMap(tags)}
}

// supplementary builds the bucket item's supplementaryConfiguration.
func (r *bucketReads) supplementary(owner string, tags []tag) map[string]any {
	sc := map[string]any{
		"BucketVersioningConfiguration": r.versioningItem(),
		"AccessControlList":             aclJSON(r.acl, owner),
		"BucketPolicy":                  map[string]any{"policyText": nullable(r.policy, "Policy")},
		"BucketLoggingConfiguration":    r.loggingItem(),
	}
	if rules := encryptionRules(r.encryption); len(rules) > 0 {
		sc["ServerSideEncryptionConfiguration"] = map[string]any{"rules": rules}
	}
	if p := obj(r.publicAccessBlock, "PublicAccessBlockConfiguration"); p != nil {
		sc["PublicAccessBlockConfiguration"] = map[string]any{
			"blockPublicAcls": boolean(p, "BlockPublicAcls"), "ignorePublicAcls": boolean(p, "IgnorePublicAcls"),
			"blockPublicPolicy": boolean(p, "BlockPublicPolicy"), "restrictPublicBuckets": boolean(p, "RestrictPublicBuckets"),
		}
	}
	if len(tags) > 0 {
		set := map[string]any{}
		for _, t := range tags {
			set[t.key] = t.value
		}
		sc["BucketTaggingConfiguration"] = map[string]any{"tagSets": []any{map[string]any{"tags": set}}}
	}
	return sc
}

func (r *bucketReads) versioningItem() map[string]any {
	status := str(r.versioning, "Status")
	if status == "" {
		status = "Off"
	}
	var mfa any
	if m := str(r.versioning, "MFADelete"); m != "" {
		mfa = m == "Enabled"
	}
	return map[string]any{"status": status, "isMfaDeleteEnabled": mfa}
}

func (r *bucketReads) loggingItem() map[string]any {
	le := obj(r.logging, "LoggingEnabled")
	if le == nil {
		return map[string]any{"destinationBucketName": nil, "logFilePrefix": nil}
	}
	return map[string]any{"destinationBucketName": nullable(le, "TargetBucket"), "logFilePrefix": nullable(le, "TargetPrefix")}
}

// encryptionRules renders GetBucketEncryption's rules.
func encryptionRules(out map[string]any) []any {
	var rules []any
	for _, rule := range objs(obj(out, "ServerSideEncryptionConfiguration"), "Rules") {
		def := obj(rule, "ApplyServerSideEncryptionByDefault")
		if def == nil {
			continue
		}
		rules = append(rules, map[string]any{
			"applyServerSideEncryptionByDefault": map[string]any{
				"sseAlgorithm": str(def, "SSEAlgorithm"), "kmsMasterKeyID": nullable(def, "KMSMasterKeyID"),
			},
			"bucketKeyEnabled": boolean(rule, "BucketKeyEnabled"),
		})
	}
	return rules
}

// aclPermissions maps ACL permissions to the names Config records.
var aclPermissions = map[string]string{
	s3.PermFullControl: "FullControl", s3.PermRead: "Read", s3.PermWrite: "Write",
	s3.PermReadACP: "ReadAcp", s3.PermWriteACP: "WriteAcp",
}

// aclGroups maps group URIs to the names Config records.
var aclGroups = map[string]string{
	s3.GroupAllUsers: "AllUsers", s3.GroupAuthenticatedUsers: "AuthenticatedUsers", s3.GroupLogDelivery: "LogDelivery",
}

// aclJSON renders GetBucketAcl's answer as the JSON string Config records.
func aclJSON(acl map[string]any, owner string) string {
	grants := []any{}
	for _, g := range objs(acl, "Grants") {
		grants = append(grants, map[string]any{"grantee": grantee(obj(g, "Grantee")),
			"permission": aclPermissions[str(g, "Permission")]})
	}
	doc := map[string]any{
		"grantSet": nil, "grantList": grants,
		"owner":              map[string]any{"displayName": nil, "id": owner},
		"isRequesterCharged": false,
	}
	b, _ := json.Marshal(doc) // strings, bools, nils and lists always encode
	return string(b)
}

// grantee renders a grantee: a group's Config name, else the canonical id.
func grantee(g map[string]any) any {
	if str(g, "Type") == "Group" {
		if name, ok := aclGroups[str(g, "URI")]; ok {
			return name
		}
		return str(g, "URI")
	}
	id := str(g, "ID")
	if id == "" {
		id = str(g, "EmailAddress")
	}
	return map[string]any{"id": id, "displayName": nil}
}
