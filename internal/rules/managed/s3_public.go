package managed

import (
	"strings"

	"github.com/salvehq/salve/internal/configitem"
)

// Public read and write access, shared by S3_BUCKET_PUBLIC_READ_PROHIBITED
// and S3_BUCKET_PUBLIC_WRITE_PROHIBITED. Only the bucket-level Block Public
// Access settings are considered (AWS's rules do not evaluate the account
// level either).

// publicAccess describes one kind of access (read or write).
type publicAccess struct {
	verb        string
	actions     []string
	permissions []string // ACL permissions that grant it
}

var (
	publicRead = publicAccess{
		verb:        "read",
		actions:     []string{"s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"},
		permissions: []string{"Read", "FullControl"},
	}
	publicWrite = publicAccess{
		verb:        "write",
		actions:     []string{"s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl"},
		permissions: []string{"Write", "FullControl"},
	}
)

// restrictingConditionKeys limit a statement to known callers; with fixed,
// non-negated values they make a statement non-public.
var restrictingConditionKeys = []string{
	"aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceArn", "aws:SourceAccount",
	"aws:SourceOwner", "aws:SourceOrgID", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
	"aws:PrincipalAccount", "aws:PrincipalArn", "aws:userid", "s3:DataAccessPointArn", "s3:DataAccessPointAccount",
}

// evaluatePublicAccess: COMPLIANT when (BPA restricts public policies or
// the policy grants no public access) and (BPA ignores public ACLs or the
// ACL grants no public access).
func evaluatePublicAccess(item *configitem.Item, a publicAccess) Evaluation {
	bpa := bucketPublicAccessBlock(item)
	if !bpa.RestrictPublicBuckets {
		if doc := bucketPolicy(item); doc != nil {
			if sid, ok := policyGrantsPublic(doc, a); ok {
				return nonCompliant("The bucket policy grants public %s access%s.", a.verb, sidSuffix(sid))
			}
		}
	}
	if !bpa.IgnorePublicAcls {
		for _, g := range bucketACL(item) {
			if g.publicGroup() && containsFold(a.permissions, g.Permission) {
				return nonCompliant("The bucket ACL grants %s to %s.", g.Permission, g.Group)
			}
		}
	}
	return compliant()
}

// policyGrantsPublic returns the Sid of the first Allow statement that
// grants one of the access's actions to anyone without a restricting
// condition.
func policyGrantsPublic(doc *policyDocument, a publicAccess) (string, bool) {
	for i := range doc.Statements {
		s := &doc.Statements[i]
		if !s.allows() || !s.principalIsAnyone() || restrictedByCondition(s) {
			continue
		}
		for _, action := range a.actions {
			if s.coversAction(action) {
				return s.Sid, true
			}
		}
	}
	return "", false
}

// restrictedByCondition reports whether a condition pins the statement to
// fixed callers: a restricting key under a non-negated operator, with
// values free of wildcards and not covering every address.
func restrictedByCondition(s *statement) bool {
	for op, keys := range s.Condition {
		if strings.Contains(strings.ToLower(op), "not") {
			continue
		}
		for key, values := range keys {
			if containsFold(restrictingConditionKeys, key) && fixedValues(values) {
				return true
			}
		}
	}
	return false
}

func fixedValues(values []string) bool {
	if len(values) == 0 {
		return false
	}
	for _, v := range values {
		if v == "" || strings.ContainsAny(v, "*?") || strings.Contains(v, "${") || coversAll(v) {
			return false
		}
	}
	return true
}

func sidSuffix(sid string) string {
	if sid == "" {
		return ""
	}
	return " (statement " + sid + ")"
}

func containsFold(list []string, s string) bool {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return true
		}
	}
	return false
}
