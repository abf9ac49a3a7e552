package s3

import (
	"slices"
	"strings"
)

// Prefixes and suffixes S3 reserves (for punycode, access point aliases,
// Object Lambda, Multi-Region Access Points, directory and table buckets).
var (
	reservedPrefixes = []string{"xn--", "sthree-", "amzn-s3-demo-"}
	reservedSuffixes = []string{"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}
)

// ValidBucketName reports whether name follows the naming rules of general
// purpose buckets: 3 to 63 lowercase letters, digits, dots and hyphens,
// starting and ending with a letter or digit, no "..", not shaped like an
// IPv4 address, and none of the reserved prefixes and suffixes.
func ValidBucketName(name string) bool {
	if len(name) < 3 || len(name) > 63 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isNameByte(name[i]) {
			return false
		}
	}
	if !isAlnum(name[0]) || !isAlnum(name[len(name)-1]) || strings.Contains(name, "..") {
		return false
	}
	if looksLikeIPv4(name) {
		return false
	}
	hasPrefix := func(p string) bool { return strings.HasPrefix(name, p) }
	hasSuffix := func(s string) bool { return strings.HasSuffix(name, s) }
	return !slices.ContainsFunc(reservedPrefixes, hasPrefix) && !slices.ContainsFunc(reservedSuffixes, hasSuffix)
}

// looksLikeIPv4 reports whether name is four dot-separated groups of
// digits (whether or not each is a valid octet).
func looksLikeIPv4(name string) bool {
	parts := strings.Split(name, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func isNameByte(c byte) bool { return isAlnum(c) || c == '.' || c == '-' }

// locationConstraints are the values of CreateBucketConfiguration's
// LocationConstraint (the model's BucketLocationConstraint, which leaves
// out us-east-1: a us-east-1 bucket is created without one).
var locationConstraints = []string{
	"af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "cn-north-1",
	"cn-northwest-1", "EU", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
	"eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
	"sa-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2",
}

// bucketRegion decides where CreateBucket puts a bucket: from the request's
// LocationConstraint (nil when the request has none) and the region the
// request was sent to. Only us-east-1 (the global endpoint) creates
// buckets in other regions; a regional endpoint creates buckets in its own
// region only.
func bucketRegion(constraint *string, endpointRegion string) (string, error) {
	if constraint == nil || *constraint == "" {
		if endpointRegion != defaultRegion {
			return "", Err(CodeIllegalLocationConstraint)
		}
		return defaultRegion, nil
	}
	lc := *constraint
	if !slices.Contains(locationConstraints, lc) {
		return "", Err(CodeInvalidLocationConstraint)
	}
	region := lc
	if lc == "EU" {
		region = "eu-west-1"
	}
	if endpointRegion != defaultRegion && endpointRegion != region {
		return "", Errf(CodeIllegalLocationConstraint,
			"The %s location constraint is incompatible for the region specific endpoint this request was sent to.", lc)
	}
	return region, nil
}
