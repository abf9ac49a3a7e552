package recorder

import (
	"net/http"

	"github.com/salvehq/salve/internal/awserr"
)

// AWS Config error codes of the recorder operations (those not in awserr's
// shared table).
const (
	CodeNoSuchConfigurationRecorder       = "NoSuchConfigurationRecorderException"
	CodeInvalidConfigurationRecorderName  = "InvalidConfigurationRecorderNameException"
	CodeInvalidRole                       = "InvalidRoleException"
	CodeInvalidRecordingGroup             = "InvalidRecordingGroupException"
	CodeMaxNumberOfConfigurationRecorders = "MaxNumberOfConfigurationRecordersExceededException"
	CodeNoAvailableDeliveryChannel        = "NoAvailableDeliveryChannelException"
	CodeUnmodifiableEntity                = "UnmodifiableEntityException"
	CodeMaxNumberOfDeliveryChannels       = "MaxNumberOfDeliveryChannelsExceededException"
	CodeInvalidDeliveryChannelName        = "InvalidDeliveryChannelNameException"
	CodeNoSuchBucket                      = "NoSuchBucketException"
	CodeInvalidS3KeyPrefix                = "InvalidS3KeyPrefixException"
	CodeInvalidS3KmsKeyArn                = "InvalidS3KmsKeyArnException"
	CodeInvalidSNSTopicARN                = "InvalidSNSTopicARNException"
	CodeNoSuchDeliveryChannel             = "NoSuchDeliveryChannelException"
	CodeLastDeliveryChannelDeleteFailed   = "LastDeliveryChannelDeleteFailedException"
	CodeInvalidTimeRange                  = "InvalidTimeRangeException"
	CodeResourceNotDiscovered             = "ResourceNotDiscoveredException"
	CodeNoRunningConfigurationRecorder    = "NoRunningConfigurationRecorderException"
	CodeInvalidExpression                 = "InvalidExpressionException"
)

// Codes lists every code above, for the test that each renders with a
// status.
var Codes = []string{
	CodeNoSuchConfigurationRecorder, CodeInvalidConfigurationRecorderName, CodeInvalidRole,
	CodeInvalidRecordingGroup, CodeMaxNumberOfConfigurationRecorders, CodeNoAvailableDeliveryChannel,
	CodeUnmodifiableEntity, CodeMaxNumberOfDeliveryChannels, CodeInvalidDeliveryChannelName,
	CodeNoSuchBucket, CodeInvalidS3KeyPrefix, CodeInvalidS3KmsKeyArn, CodeInvalidSNSTopicARN,
	CodeNoSuchDeliveryChannel, CodeLastDeliveryChannelDeleteFailed, CodeInvalidTimeRange,
	CodeResourceNotDiscovered, CodeNoRunningConfigurationRecorder, CodeInvalidExpression,
}

// Error returns an AWS error with one of the codes above; every one of
// them is a client error (400), as AWS Config answers them.
func Error(code, format string, args ...any) *awserr.Error {
	e := awserr.New(code, format, args...)
	e.Status = http.StatusBadRequest
	return e
}

func noSuchRecorder(name string) error {
	return Error(CodeNoSuchConfigurationRecorder,
		"Cannot find configuration recorder with the specified name '%s'.", name)
}

func noSuchChannel(name string) error {
	return Error(CodeNoSuchDeliveryChannel, "Cannot find delivery channel with specified name '%s'.", name)
}

func notRecording() error {
	return Error(CodeNoRunningConfigurationRecorder,
		"There is no configuration recorder running: start one with StartConfigurationRecorder.")
}
