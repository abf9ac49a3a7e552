package managed

import (
	"encoding/json"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
)

// Helpers shared by the S3 bucket rules (AWS::S3::Bucket items).

const bucketType = "AWS::S3::Bucket"

// bucketARN returns the bucket's ARN, built from its name when the item
// has none.
func bucketARN(item *configitem.Item) string {
	if item.ARN != "" {
		return item.ARN
	}
	return "arn:aws:s3:::" + item.ResourceID
}

// publicAccessBlock is a bucket's PublicAccessBlockConfiguration.
type publicAccessBlock struct {
	BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets bool
}

// bucketPublicAccessBlock reads the bucket-level settings; absent means
// all false.
func bucketPublicAccessBlock(item *configitem.Item) publicAccessBlock {
	m := obj(supplementary(item, "PublicAccessBlockConfiguration"))
	return publicAccessBlock{
		BlockPublicAcls:       boolean(m["blockPublicAcls"]),
		IgnorePublicAcls:      boolean(m["ignorePublicAcls"]),
		BlockPublicPolicy:     boolean(m["blockPublicPolicy"]),
		RestrictPublicBuckets: boolean(m["restrictPublicBuckets"]),
	}
}

// aclGrant is one grant of a bucket ACL.
type aclGrant struct {
	// Group is "AllUsers", "AuthenticatedUsers" or "LogDelivery" for
	// group grantees, "" for canonical users.
	Group      string
	Permission string
}

// bucketACL reads the AccessControlList, which AWS Config records as a
// JSON string (an already-decoded object is accepted too).
func bucketACL(item *configitem.Item) []aclGrant {
	raw := supplementary(item, "AccessControlList")
	acl := obj(raw)
	if s, ok := raw.(string); ok {
		_ = json.Unmarshal([]byte(s), &acl)
	}
	var out []aclGrant
	for _, g := range list(acl["grantList"]) {
		gm := obj(g)
		out = append(out, aclGrant{Group: granteeGroup(gm["grantee"]), Permission: str(gm["permission"])})
	}
	return out
}

// granteeGroup names a group grantee: a plain string ("AllUsers") or an
// object carrying the group's URI.
func granteeGroup(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	m := obj(v)
	for _, k := range []string{"uri", "URI", "uRI"} {
		if u := str(m[k]); u != "" {
			return u[strings.LastIndexByte(u, '/')+1:]
		}
	}
	return ""
}

// publicGroup reports whether a grant goes to everyone (AllUsers) or to
// every AWS account (AuthenticatedUsers).
func (g aclGrant) publicGroup() bool {
	return g.Group == "AllUsers" || g.Group == "AuthenticatedUsers"
}

// bucketPolicy parses the bucket policy; nil when the bucket has none or
// it cannot be parsed.
func bucketPolicy(item *configitem.Item) *policyDocument {
	text := str(obj(supplementary(item, "BucketPolicy"))["policyText"])
	if text == "" {
		return nil
	}
	doc, err := parsePolicy(text)
	if err != nil {
		return nil
	}
	return doc
}

// coversObjects reports whether a statement's resources cover every
// object of the bucket (bucketARN/*), not only some prefix.
func (s *statement) coversObjects(bucketARN string) bool {
	return s.coversResource(bucketARN + "/*")
}

// principalIsAnyone reports whether the statement applies to every
// principal.
func (s *statement) principalIsAnyone() bool {
	return s.Principal.Any
}
