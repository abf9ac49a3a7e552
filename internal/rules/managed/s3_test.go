package managed

import (
	"testing"

	"github.com/salvehq/salve/internal/configitem"
)

// bucket builds an AWS::S3::Bucket item the way the S3 sandbox records
// one: the always-present supplementary keys first, then the options.
func bucket(t *testing.T, name string, opts ...func(supp map[string]any)) *configitem.Item {
	t.Helper()
	supp := map[string]any{
		"BucketVersioningConfiguration": map[string]any{"status": "Off", "isMfaDeleteEnabled": nil},
		"AccessControlList":             acl(t),
		"BucketPolicy":                  map[string]any{"policyText": nil},
		"BucketLoggingConfiguration":    map[string]any{"destinationBucketName": nil, "logFilePrefix": nil},
	}
	for _, o := range opts {
		o(supp)
	}
	return roundTrip(t, configitem.Item{
		ResourceType: bucketType, ResourceID: name, ResourceName: name, ARN: "arn:aws:s3:::" + name,
		Status:                     configitem.StatusOK,
		Configuration:              map[string]any{"name": name, "owner": map[string]any{"id": "owner"}},
		SupplementaryConfiguration: supp,
	})
}

// acl renders an AccessControlList string with the owner's FullControl
// and the given extra grants (group, permission pairs).
func acl(t *testing.T, grants ...string) string {
	list := []any{map[string]any{"grantee": map[string]any{"id": "owner", "displayName": nil}, "permission": "FullControl"}}
	for i := 0; i+1 < len(grants); i += 2 {
		list = append(list, map[string]any{"grantee": grants[i], "permission": grants[i+1]})
	}
	return jsonString(t, map[string]any{"grantSet": nil, "grantList": list, "owner": map[string]any{"id": "owner"}, "isRequesterCharged": false})
}

func withPolicy(t *testing.T, statements ...map[string]any) func(map[string]any) {
	text := jsonString(t, map[string]any{"Version": "2012-10-17", "Statement": statements})
	return func(supp map[string]any) { supp["BucketPolicy"] = map[string]any{"policyText": text} }
}

func withACL(t *testing.T, grants ...string) func(map[string]any) {
	s := acl(t, grants...)
	return func(supp map[string]any) { supp["AccessControlList"] = s }
}

func withBPA(acls, ignore, policy, restrict bool) func(map[string]any) {
	return func(supp map[string]any) {
		supp["PublicAccessBlockConfiguration"] = map[string]any{
			"blockPublicAcls": acls, "ignorePublicAcls": ignore, "blockPublicPolicy": policy, "restrictPublicBuckets": restrict,
		}
	}
}

func withSupp(key string, v any) func(map[string]any) {
	return func(supp map[string]any) { supp[key] = v }
}

func TestS3BucketServerSideEncryptionEnabled(t *testing.T) {
	t.Parallel()
	sse := func(alg string) func(map[string]any) {
		return withSupp("ServerSideEncryptionConfiguration", map[string]any{"rules": []any{map[string]any{
			"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": alg, "kmsMasterKeyID": nil}, "bucketKeyEnabled": false}}})
	}
	denyPut := func(cond map[string]any) map[string]any {
		return map[string]any{"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": cond}
	}
	runItemCases(t, "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", []itemCase{
		{name: "AES256", item: bucket(t, "b", sse("AES256")), want: Compliant},
		{name: "KMS", item: bucket(t, "b", sse("aws:kms")), want: Compliant},
		{name: "NoEncryption", item: bucket(t, "b"), want: NonCompliant, annotation: "Default encryption is not enabled"},
		{name: "EmptyRules", item: bucket(t, "b", withSupp("ServerSideEncryptionConfiguration", map[string]any{"rules": []any{}})), want: NonCompliant},
		{name: "PolicyDeniesWithoutHeaderValue", item: bucket(t, "b", withPolicy(t, denyPut(map[string]any{"StringNotEquals": map[string]any{"s3:x-amz-server-side-encryption": "AES256"}}))), want: Compliant},
		{name: "PolicyDeniesEitherAlgorithm", item: bucket(t, "b", withPolicy(t, denyPut(map[string]any{"StringNotEquals": map[string]any{"s3:x-amz-server-side-encryption": []any{"AES256", "aws:kms"}}}))), want: Compliant},
		{name: "PolicyDeniesMissingHeader", item: bucket(t, "b", withPolicy(t, denyPut(map[string]any{"Null": map[string]any{"s3:x-amz-server-side-encryption": "true"}}))), want: Compliant},
		{name: "PolicyDeniesBadAlgorithmValue", item: bucket(t, "b", withPolicy(t, denyPut(map[string]any{"StringNotEquals": map[string]any{"s3:x-amz-server-side-encryption": "rot13"}}))), want: NonCompliant},
		{name: "PolicyNullFalse", item: bucket(t, "b", withPolicy(t, denyPut(map[string]any{"Null": map[string]any{"s3:x-amz-server-side-encryption": "false"}}))), want: NonCompliant},
		{name: "PolicyDeniesOnlyAPrefix", item: bucket(t, "b", withPolicy(t, map[string]any{"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/logs/*",
			"Condition": map[string]any{"Null": map[string]any{"s3:x-amz-server-side-encryption": "true"}}})), want: NonCompliant},
		{name: "PolicyDeniesOneAccountOnly", item: bucket(t, "b", withPolicy(t, map[string]any{"Effect": "Deny", "Principal": map[string]any{"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*",
			"Condition": map[string]any{"Null": map[string]any{"s3:x-amz-server-side-encryption": "true"}}})), want: NonCompliant},
		{name: "PolicyAllowIsNotDeny", item: bucket(t, "b", withPolicy(t, map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*",
			"Condition": map[string]any{"Null": map[string]any{"s3:x-amz-server-side-encryption": "true"}}})), want: NonCompliant},
		{name: "PolicyDeniesAllS3", item: bucket(t, "b", withPolicy(t, map[string]any{"Effect": "Deny", "Principal": map[string]any{"AWS": "*"}, "Action": "s3:*", "Resource": []any{"arn:aws:s3:::b", "arn:aws:s3:::b/*"},
			"Condition": map[string]any{"StringNotEquals": map[string]any{"s3:x-amz-server-side-encryption": "aws:kms"}}})), want: Compliant},
	})
}

func TestS3BucketVersioningEnabled(t *testing.T) {
	t.Parallel()
	versioning := func(status string, mfa any) func(map[string]any) {
		return withSupp("BucketVersioningConfiguration", map[string]any{"status": status, "isMfaDeleteEnabled": mfa})
	}
	runItemCases(t, "S3_BUCKET_VERSIONING_ENABLED", []itemCase{
		{name: "Enabled", item: bucket(t, "b", versioning("Enabled", nil)), want: Compliant},
		{name: "Off", item: bucket(t, "b"), want: NonCompliant, annotation: "status Off"},
		{name: "Suspended", item: bucket(t, "b", versioning("Suspended", nil)), want: NonCompliant, annotation: "status Suspended"},
		{name: "Missing", item: bucket(t, "b", withSupp("BucketVersioningConfiguration", nil)), want: NonCompliant, annotation: "status Off"},
		{name: "MfaRequiredAndOn", params: `{"isMfaDeleteEnabled":"true"}`, item: bucket(t, "b", versioning("Enabled", true)), want: Compliant},
		{name: "MfaRequiredAndOff", params: `{"isMfaDeleteEnabled":"true"}`, item: bucket(t, "b", versioning("Enabled", false)), want: NonCompliant, annotation: "MFA delete"},
		{name: "MfaRequiredAndNull", params: `{"isMfaDeleteEnabled":"true"}`, item: bucket(t, "b", versioning("Enabled", nil)), want: NonCompliant},
		{name: "MfaNotRequired", params: `{"isMfaDeleteEnabled":"false"}`, item: bucket(t, "b", versioning("Enabled", false)), want: Compliant},
	})
}

func TestS3BucketPublicReadProhibited(t *testing.T) {
	t.Parallel()
	getAll := map[string]any{"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
	fromVPC := map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
		"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceVpce": "vpce-1"}}}
	notFromVPC := map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
		"Condition": map[string]any{"StringNotEquals": map[string]any{"aws:SourceVpce": "vpce-1"}}}
	anyIP := map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
		"Condition": map[string]any{"IpAddress": map[string]any{"aws:SourceIp": "0.0.0.0/0"}}}
	officeIP := map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
		"Condition": map[string]any{"IpAddress": map[string]any{"aws:SourceIp": "203.0.113.0/24"}}}
	account := map[string]any{"Effect": "Allow", "Principal": map[string]any{"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}
	putOnly := map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}
	listAll := map[string]any{"Effect": "Allow", "Principal": map[string]any{"AWS": []any{"*"}}, "Action": "s3:List*", "Resource": "arn:aws:s3:::b"}
	runItemCases(t, "S3_BUCKET_PUBLIC_READ_PROHIBITED", []itemCase{
		{name: "Private", item: bucket(t, "b"), want: Compliant},
		{name: "PolicyPublicGet", item: bucket(t, "b", withPolicy(t, getAll)), want: NonCompliant, annotation: "bucket policy grants public read access (statement Public)"},
		{name: "PolicyPublicList", item: bucket(t, "b", withPolicy(t, listAll)), want: NonCompliant},
		{name: "PolicyRestrictedToVPCEndpoint", item: bucket(t, "b", withPolicy(t, fromVPC)), want: Compliant},
		{name: "PolicyNegatedConditionStaysPublic", item: bucket(t, "b", withPolicy(t, notFromVPC)), want: NonCompliant},
		{name: "PolicySourceIpEverywhere", item: bucket(t, "b", withPolicy(t, anyIP)), want: NonCompliant},
		{name: "PolicySourceIpOffice", item: bucket(t, "b", withPolicy(t, officeIP)), want: Compliant},
		{name: "PolicyNamedAccount", item: bucket(t, "b", withPolicy(t, account)), want: Compliant},
		{name: "PolicyPublicWriteOnly", item: bucket(t, "b", withPolicy(t, putOnly)), want: Compliant},
		{name: "PolicyPublicButRestrictPublicBuckets", item: bucket(t, "b", withPolicy(t, getAll), withBPA(false, false, false, true)), want: Compliant},
		{name: "PolicyPublicBlockPublicPolicyOnly", item: bucket(t, "b", withPolicy(t, getAll), withBPA(false, false, true, false)), want: NonCompliant},
		{name: "ACLAllUsersRead", item: bucket(t, "b", withACL(t, "AllUsers", "Read")), want: NonCompliant, annotation: "grants Read to AllUsers"},
		{name: "ACLAuthenticatedFullControl", item: bucket(t, "b", withACL(t, "AuthenticatedUsers", "FullControl")), want: NonCompliant},
		{name: "ACLAllUsersWriteOnly", item: bucket(t, "b", withACL(t, "AllUsers", "Write")), want: Compliant},
		{name: "ACLLogDeliveryRead", item: bucket(t, "b", withACL(t, "LogDelivery", "Read")), want: Compliant},
		{name: "ACLPublicButIgnored", item: bucket(t, "b", withACL(t, "AllUsers", "Read"), withBPA(false, true, false, false)), want: Compliant},
		{name: "ACLPublicBlockPublicAclsOnly", item: bucket(t, "b", withACL(t, "AllUsers", "Read"), withBPA(true, false, false, false)), want: NonCompliant},
		{name: "ACLAsURIObject", item: bucket(t, "b", withACL(t, "x", "x"), withSupp("AccessControlList", map[string]any{"grantList": []any{
			map[string]any{"grantee": map[string]any{"uri": "http://acs.amazonaws.com/groups/global/AllUsers"}, "permission": "Read"}}})), want: NonCompliant},
	})
}

func TestS3BucketPublicWriteProhibited(t *testing.T) {
	t.Parallel()
	putAll := map[string]any{"Effect": "Allow", "Principal": "*", "Action": []any{"s3:PutObject"}, "Resource": "arn:aws:s3:::b/*"}
	getAll := map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
	everything := map[string]any{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}
	runItemCases(t, "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", []itemCase{
		{name: "Private", item: bucket(t, "b"), want: Compliant},
		{name: "PolicyPublicPut", item: bucket(t, "b", withPolicy(t, putAll)), want: NonCompliant, annotation: "public write access"},
		{name: "PolicyPublicEverything", item: bucket(t, "b", withPolicy(t, everything)), want: NonCompliant},
		{name: "PolicyPublicReadOnly", item: bucket(t, "b", withPolicy(t, getAll)), want: Compliant},
		{name: "PolicyPublicButRestricted", item: bucket(t, "b", withPolicy(t, putAll), withBPA(true, true, true, true)), want: Compliant},
		{name: "ACLAllUsersWrite", item: bucket(t, "b", withACL(t, "AllUsers", "Write")), want: NonCompliant, annotation: "grants Write to AllUsers"},
		{name: "ACLAllUsersRead", item: bucket(t, "b", withACL(t, "AllUsers", "Read")), want: Compliant},
		{name: "ACLWriteIgnored", item: bucket(t, "b", withACL(t, "AllUsers", "Write"), withBPA(false, true, false, false)), want: Compliant},
	})
}

func TestS3BucketLevelPublicAccessProhibited(t *testing.T) {
	t.Parallel()
	runItemCases(t, "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", []itemCase{
		{name: "AllBlocked", item: bucket(t, "b", withBPA(true, true, true, true)), want: Compliant},
		{name: "NoneSet", item: bucket(t, "b"), want: NonCompliant, annotation: "BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets"},
		{name: "OneOff", item: bucket(t, "b", withBPA(true, true, false, true)), want: NonCompliant, annotation: "off for the bucket: BlockPublicPolicy."},
		{name: "Excluded", params: `{"excludedPublicBuckets":"site, b"}`, item: bucket(t, "b"), want: Compliant, annotation: "excludedPublicBuckets"},
		{name: "OtherExcluded", params: `{"excludedPublicBuckets":"site"}`, item: bucket(t, "b"), want: NonCompliant},
	})
}

func TestS3BucketSSLRequestsOnly(t *testing.T) {
	t.Parallel()
	deny := func(resources any, action any, cond map[string]any) map[string]any {
		return map[string]any{"Sid": "AllowSSLRequestsOnly", "Effect": "Deny", "Principal": "*", "Action": action, "Resource": resources, "Condition": cond}
	}
	insecure := map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}}
	both := []any{"arn:aws:s3:::b", "arn:aws:s3:::b/*"}
	runItemCases(t, "S3_BUCKET_SSL_REQUESTS_ONLY", []itemCase{
		{name: "NoPolicy", item: bucket(t, "b"), want: NonCompliant, annotation: "no policy"},
		{name: "DenyInsecure", item: bucket(t, "b", withPolicy(t, deny(both, "s3:*", insecure))), want: Compliant},
		{name: "DenyInsecureBoolValue", item: bucket(t, "b", withPolicy(t, deny(both, "s3:*", map[string]any{"Bool": map[string]any{"aws:SecureTransport": false}}))), want: Compliant},
		{name: "DenyInsecureTwoStatements", item: bucket(t, "b", withPolicy(t, deny("arn:aws:s3:::b", "*", insecure), deny("arn:aws:s3:::b/*", "*", insecure))), want: Compliant},
		{name: "DenyInsecureWildcardResource", item: bucket(t, "b", withPolicy(t, deny("arn:aws:s3:::b*", "s3:*", insecure))), want: Compliant},
		{name: "ObjectsOnly", item: bucket(t, "b", withPolicy(t, deny("arn:aws:s3:::b/*", "s3:*", insecure))), want: NonCompliant, annotation: "only the bucket or only its objects"},
		{name: "OneActionOnly", item: bucket(t, "b", withPolicy(t, deny(both, "s3:GetObject", insecure))), want: NonCompliant},
		{name: "SecureTrueIsNotADeny", item: bucket(t, "b", withPolicy(t, deny(both, "s3:*", map[string]any{"Bool": map[string]any{"aws:SecureTransport": "true"}}))), want: NonCompliant},
		{name: "AllowOverHTTPS", item: bucket(t, "b", withPolicy(t, map[string]any{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
			"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "true"}}})), want: NonCompliant},
	})
}

func TestS3BucketLoggingEnabled(t *testing.T) {
	t.Parallel()
	logging := func(dest, prefix any) func(map[string]any) {
		return withSupp("BucketLoggingConfiguration", map[string]any{"destinationBucketName": dest, "logFilePrefix": prefix})
	}
	runItemCases(t, "S3_BUCKET_LOGGING_ENABLED", []itemCase{
		{name: "Off", item: bucket(t, "b"), want: NonCompliant, annotation: "not enabled"},
		{name: "On", item: bucket(t, "b", logging("logs", "b/")), want: Compliant},
		{name: "TargetBucketMatches", params: `{"targetBucket":"logs"}`, item: bucket(t, "b", logging("logs", nil)), want: Compliant},
		{name: "TargetBucketDiffers", params: `{"targetBucket":"audit"}`, item: bucket(t, "b", logging("logs", nil)), want: NonCompliant, annotation: "not to targetBucket audit"},
		{name: "TargetPrefixMatches", params: `{"targetBucket":"logs","targetPrefix":"b/"}`, item: bucket(t, "b", logging("logs", "b/")), want: Compliant},
		{name: "TargetPrefixDiffers", params: `{"targetPrefix":"x/"}`, item: bucket(t, "b", logging("logs", "b/")), want: NonCompliant, annotation: `not targetPrefix "x/"`},
	})
}
