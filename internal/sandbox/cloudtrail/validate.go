package cloudtrail

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/tenant"
)

// Limits AWS enforces on trail settings and tags.
const (
	minTrailName     = 3
	maxTrailName     = 128
	maxS3KeyPrefix   = 200
	maxSnsTopicName  = 256
	maxTagKey        = 128
	maxTagValue      = 256
	maxTagsPerTrail  = 50
	maxListTagsARNs  = 20
	maxEventSelector = 5
	maxDataResources = 250
	maxAdvancedValue = 500
)

var (
	trailNameChars = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
	ipLike         = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$`)
	bucketName     = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	topicName      = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	topicARN       = regexp.MustCompile(`^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$`)
	kmsKeyID       = regexp.MustCompile(`^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-f]{32})$`)
	kmsAlias       = regexp.MustCompile(`^alias/[A-Za-z0-9/_-]{1,250}$`)
	kmsARN         = regexp.MustCompile(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(?:key/(?:[0-9a-fA-F-]{36}|mrk-[0-9a-f]{32})|alias/[A-Za-z0-9/_-]{1,250})$`)
	logGroupARN    = regexp.MustCompile(`^arn:aws[a-z-]*:logs:[a-z0-9-]+:[0-9]{12}:log-group:[A-Za-z0-9._/#-]{1,512}(?::\*)?$`)
	roleARN        = regexp.MustCompile(`^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$`)
	trailARNShape  = regexp.MustCompile(`^arn:(aws[a-z-]*):cloudtrail:([a-z]{2}(?:-[a-z]+)+-[0-9]+):([0-9]{12}):([a-z]+)/(.+)$`)
)

// ValidateTrailName checks a trail name against AWS's rules and answers
// InvalidTrailNameException naming the rule broken.
func ValidateTrailName(name string) error {
	switch n := len(name); {
	case n < minTrailName:
		return InvalidTrailName("Trail name too short. Minimum allowed length: %d characters. Specified name length: %d characters.", minTrailName, n)
	case n > maxTrailName:
		return InvalidTrailName("Trail name too long. Maximum allowed length: %d characters. Specified name length: %d characters.", maxTrailName, n)
	case !trailNameChars.MatchString(name):
		return InvalidTrailName("Trail name %q may contain only ASCII letters, numbers, periods (.), underscores (_) and dashes (-).", name)
	case !alnum(name[0]) || !alnum(name[len(name)-1]):
		return InvalidTrailName("Trail name %q must start and end with a letter or number.", name)
	case hasAdjacentPunct(name):
		return InvalidTrailName("Trail name %q must not have adjacent periods, underscores or dashes.", name)
	case ipLike.MatchString(name):
		return InvalidTrailName("Trail name %q must not be in IP address format.", name)
	}
	return nil
}

func alnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func hasAdjacentPunct(s string) bool {
	for i := 1; i < len(s); i++ {
		if !alnum(s[i]) && !alnum(s[i-1]) {
			return true
		}
	}
	return false
}

// ResourceARN is a parsed CloudTrail resource ARN.
type ResourceARN struct {
	Partition, Region, AccountID string
	// Type is the resource type ("trail", "eventdatastore", "channel",
	// "dashboard") and Name what follows the slash.
	Type, Name string
}

// ParseARN parses a CloudTrail ARN; a malformed one is a
// CloudTrailARNInvalidException.
func ParseARN(s string) (ResourceARN, error) {
	m := trailARNShape.FindStringSubmatch(s)
	if m == nil || m[1] != tenant.Partition(m[2]) {
		return ResourceARN{}, newError(CodeARNInvalid,
			"%q is not a valid CloudTrail ARN: expected arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME.", s)
	}
	return ResourceARN{Partition: m[1], Region: m[2], AccountID: m[3], Type: m[4], Name: m[5]}, nil
}

// isARN tells a trail ARN from a trail name: names cannot contain ':'.
func isARN(s string) bool { return strings.HasPrefix(s, "arn:") }

func validateBucketName(name string) error {
	if !bucketName.MatchString(name) || strings.Contains(name, "..") || strings.Contains(name, ".-") ||
		strings.Contains(name, "-.") || ipLike.MatchString(name) {
		return newError(CodeInvalidS3BucketName, "Bucket name %q is not valid: see the S3 bucket naming rules.", name)
	}
	return nil
}

func validateKeyPrefix(prefix string) error {
	if utf8.RuneCountInString(prefix) > maxS3KeyPrefix {
		return newError(CodeInvalidS3Prefix, "S3 key prefix is longer than %d characters.", maxS3KeyPrefix)
	}
	return nil
}

// topicARNFor returns the ARN of the topic given as a name or an ARN.
func topicARNFor(home tenant.Scope, nameOrARN string) (string, error) {
	switch {
	case len(nameOrARN) > maxSnsTopicName:
		return "", newError(CodeInvalidSnsTopicName, "SNS topic name is longer than %d characters.", maxSnsTopicName)
	case topicARN.MatchString(nameOrARN):
		return nameOrARN, nil
	case topicName.MatchString(nameOrARN):
		return home.ARN("sns", nameOrARN), nil
	}
	return "", newError(CodeInvalidSnsTopicName, "SNS topic %q is neither a topic name nor a topic ARN.", nameOrARN)
}

// kmsKeyARN returns the full ARN of a key given as an id, an alias name or
// an ARN.
func kmsKeyARN(home tenant.Scope, key string) (string, error) {
	switch {
	case kmsARN.MatchString(key):
		return key, nil
	case kmsKeyID.MatchString(key):
		return home.ARN("kms", "key/"+key), nil
	case kmsAlias.MatchString(key):
		return home.ARN("kms", key), nil
	}
	return "", newError(CodeInvalidKmsKeyID,
		"KMS key %q is not valid: give a key id, alias/NAME, or a key or alias ARN.", key)
}

// validateCloudWatchLogs checks the log group and role ARNs: both or
// neither.
func validateCloudWatchLogs(group, role string) error {
	switch {
	case group == "" && role != "":
		return newError(CodeInvalidCloudWatchLogsLogGroupArn,
			"CloudWatchLogsRoleArn needs CloudWatchLogsLogGroupArn: give the log group to deliver to.")
	case group != "" && role == "":
		return newError(CodeInvalidCloudWatchLogsRoleArn,
			"CloudWatchLogsLogGroupArn needs CloudWatchLogsRoleArn: give the role CloudTrail assumes to write to it.")
	case group != "" && !logGroupARN.MatchString(group):
		return newError(CodeInvalidCloudWatchLogsLogGroupArn,
			"%q is not a log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*).", group)
	case role != "" && !roleARN.MatchString(role):
		return newError(CodeInvalidCloudWatchLogsRoleArn, "%q is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).", role)
	}
	return nil
}

// validateTags checks tags to add: keys 1-128 characters, values up to
// 256, no key twice.
func validateTags(tags []Tag) error {
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		switch {
		case utf8.RuneCountInString(t.Key) < 1 || utf8.RuneCountInString(t.Key) > maxTagKey:
			return newError(CodeInvalidTagParameter, "Tag key %q must be 1 to %d characters long.", t.Key, maxTagKey)
		case t.Value != nil && utf8.RuneCountInString(*t.Value) > maxTagValue:
			return newError(CodeInvalidTagParameter, "The value of tag %q is longer than %d characters.", t.Key, maxTagValue)
		case seen[t.Key]:
			return newError(CodeInvalidTagParameter, "Tag key %q appears more than once.", t.Key)
		}
		seen[t.Key] = true
	}
	return nil
}
