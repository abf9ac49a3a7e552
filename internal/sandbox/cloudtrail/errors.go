package cloudtrail

import (
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// CloudTrail's error codes (the wire `__type`), all HTTP 400.
const (
	CodeTrailNotFound                    = "TrailNotFoundException"
	CodeTrailAlreadyExists               = "TrailAlreadyExistsException"
	CodeInvalidTrailName                 = "InvalidTrailNameException"
	CodeARNInvalid                       = "CloudTrailARNInvalidException"
	CodeInvalidHomeRegion                = "InvalidHomeRegionException"
	CodeS3BucketDoesNotExist             = "S3BucketDoesNotExistException"
	CodeInvalidS3BucketName              = "InvalidS3BucketNameException"
	CodeInvalidS3Prefix                  = "InvalidS3PrefixException"
	CodeInvalidSnsTopicName              = "InvalidSnsTopicNameException"
	CodeInsufficientSnsTopicPolicy       = "InsufficientSnsTopicPolicyException"
	CodeInvalidKmsKeyID                  = "InvalidKmsKeyIdException"
	CodeInvalidCloudWatchLogsLogGroupArn = "InvalidCloudWatchLogsLogGroupArnException"
	CodeInvalidCloudWatchLogsRoleArn     = "InvalidCloudWatchLogsRoleArnException"
	CodeInvalidParameterCombination      = "InvalidParameterCombinationException"
	CodeInvalidParameter                 = "InvalidParameterException"
	CodeInvalidEventSelectors            = "InvalidEventSelectorsException"
	CodeInvalidTagParameter              = "InvalidTagParameterException"
	CodeTagsLimitExceeded                = "TagsLimitExceededException"
	CodeResourceNotFound                 = "ResourceNotFoundException"
	CodeEventDataStoreNotFound           = "EventDataStoreNotFoundException"
	CodeChannelNotFound                  = "ChannelNotFoundException"
	CodeMaximumNumberOfTrailsExceeded    = "MaximumNumberOfTrailsExceededException"
	CodeOrganizationsNotInUse            = "OrganizationsNotInUseException"
	CodeInvalidNextToken                 = "InvalidNextTokenException"
)

// Codes lists every error code the service answers with, for the test that
// checks each renders as a client error.
func Codes() []string {
	return []string{CodeTrailNotFound, CodeTrailAlreadyExists, CodeInvalidTrailName, CodeARNInvalid,
		CodeInvalidHomeRegion, CodeS3BucketDoesNotExist, CodeInvalidS3BucketName, CodeInvalidS3Prefix,
		CodeInvalidSnsTopicName, CodeInsufficientSnsTopicPolicy, CodeInvalidKmsKeyID,
		CodeInvalidCloudWatchLogsLogGroupArn, CodeInvalidCloudWatchLogsRoleArn, CodeInvalidParameterCombination,
		CodeInvalidParameter, CodeInvalidEventSelectors, CodeInvalidTagParameter, CodeTagsLimitExceeded,
		CodeResourceNotFound, CodeEventDataStoreNotFound, CodeChannelNotFound, CodeMaximumNumberOfTrailsExceeded,
		CodeOrganizationsNotInUse, CodeInvalidNextToken}
}

// newError returns a CloudTrail client error (HTTP 400).
func newError(code, format string, args ...any) *awserr.Error {
	return &awserr.Error{Code: code, Status: 400, Message: fmt.Sprintf(format, args...)}
}

// InvalidParameter returns an InvalidParameterException, for members the
// wire layer finds missing or malformed.
func InvalidParameter(format string, args ...any) error {
	return newError(CodeInvalidParameter, format, args...)
}

// InvalidTrailName returns an InvalidTrailNameException.
func InvalidTrailName(format string, args ...any) error {
	return newError(CodeInvalidTrailName, format, args...)
}

func trailNotFound(arn, account string) error {
	return newError(CodeTrailNotFound, "Unknown trail: %s for the user: %s", arn, account)
}

func notHomeRegion(t *Trail, region string) error {
	return newError(CodeInvalidHomeRegion,
		"The trail %s was created in %s: change it from its home region %s, not from %s.",
		t.Name, t.HomeRegion, t.HomeRegion, region)
}
