package ec2

import (
	"fmt"
	"net/http"

	"github.com/salvehq/salve/internal/awserr"
)

// EC2's error codes (the <Code> of an error response). All are client
// errors (HTTP 400) except DryRunOperation (412).
const (
	CodeMissingParameter            = "MissingParameter"
	CodeUnknownParameter            = "UnknownParameter"
	CodeInvalidParameter            = "InvalidParameter"
	CodeInvalidParameterValue       = "InvalidParameterValue"
	CodeInvalidParameterCombination = "InvalidParameterCombination"
	CodeInvalidParameterDependency  = "InvalidParameterDependency"
	CodeInvalidFilter               = "InvalidFilter"
	CodeInvalidPaginationToken      = "InvalidPaginationToken"
	CodeInvalidID                   = "InvalidID"
	CodeDryRunOperation             = "DryRunOperation"
	CodeDependencyViolation         = "DependencyViolation"
	CodeCannotDelete                = "CannotDelete"
	CodeIncorrectState              = "IncorrectState"
	CodeIncorrectInstanceState      = "IncorrectInstanceState"
	CodeOperationNotPermitted       = "OperationNotPermitted"
	CodeTagLimitExceeded            = "TagLimitExceeded"
	CodeVPCIDNotSpecified           = "VPCIdNotSpecified"
	CodeInstanceLimitExceeded       = "InstanceLimitExceeded"
	CodeVpcLimitExceeded            = "VpcLimitExceeded"
	CodeRulesPerGroupLimitExceeded  = "RulesPerSecurityGroupLimitExceeded"
	CodeFlowLogAlreadyExists        = "FlowLogAlreadyExists"
	CodeInvalidVpcRange             = "InvalidVpc.Range"
	CodeInvalidSubnetRange          = "InvalidSubnet.Range"
	CodeInvalidSubnetConflict       = "InvalidSubnet.Conflict"
	CodeInvalidGroupDuplicate       = "InvalidGroup.Duplicate"
	CodeInvalidGroupReserved        = "InvalidGroup.Reserved"
	CodeInvalidPermissionDuplicate  = "InvalidPermission.Duplicate"
	CodeInvalidPermissionNotFound   = "InvalidPermission.NotFound"
	CodeInvalidPermissionMalformed  = "InvalidPermission.Malformed"
	CodeInvalidAMIIDMalformed       = "InvalidAMIID.Malformed"
	CodeInvalidRuleIDNotFound       = "InvalidSecurityGroupRuleId.NotFound"
	CodeInvalidRuleIDMalformed      = "InvalidSecurityGroupRuleId.Malformed"
	CodeVolumeInUse                 = "VolumeInUse"
	CodeInvalidVolumeZoneMismatch   = "InvalidVolume.ZoneMismatch"
	CodeInvalidAttachmentNotFound   = "InvalidAttachment.NotFound"
	CodeInvalidNetworkInterfaceID   = "InvalidNetworkInterfaceID.NotFound"
	CodeInsufficientAddresses       = "InsufficientFreeAddressesInSubnet"
	CodeInvalidAvailabilityZone     = "InvalidAvailabilityZone"
	CodeMissingInput                = "MissingInput"
	CodeInvalidZoneNotFound         = "InvalidZone.NotFound"
	CodeInvalidSnapshotMalformed    = "InvalidSnapshotID.Malformed"
	CodeInvalidSnapshotNotFound     = "InvalidSnapshot.NotFound"
)

// Codes lists every error code the package answers with, for the test
// that checks each renders as a client error.
func Codes() []string {
	out := []string{CodeMissingParameter, CodeUnknownParameter, CodeInvalidParameter,
		CodeInvalidParameterValue, CodeInvalidParameterCombination, CodeInvalidParameterDependency,
		CodeInvalidFilter, CodeInvalidPaginationToken, CodeInvalidID, CodeDryRunOperation,
		CodeDependencyViolation, CodeCannotDelete, CodeIncorrectState, CodeIncorrectInstanceState,
		CodeOperationNotPermitted, CodeTagLimitExceeded, CodeVPCIDNotSpecified, CodeInstanceLimitExceeded,
		CodeFlowLogAlreadyExists, CodeInvalidVpcRange, CodeInvalidSubnetRange, CodeInvalidSubnetConflict,
		CodeInvalidGroupDuplicate, CodeInvalidGroupReserved, CodeInvalidPermissionDuplicate,
		CodeInvalidPermissionNotFound, CodeInvalidPermissionMalformed, CodeInvalidAMIIDMalformed,
		CodeInvalidRuleIDNotFound, CodeInvalidRuleIDMalformed, CodeVolumeInUse,
		CodeInvalidVolumeZoneMismatch, CodeInvalidAttachmentNotFound, CodeInvalidNetworkInterfaceID,
		CodeInsufficientAddresses, CodeInvalidAvailabilityZone, CodeMissingInput, CodeInvalidZoneNotFound,
		CodeInvalidSnapshotMalformed, CodeInvalidSnapshotNotFound}
	for _, k := range kinds {
		out = append(out, k.notFound, k.malformed)
	}
	return out
}

// Error returns an EC2 client error (HTTP 400) with a formatted message.
func Error(code, format string, args ...any) error {
	return &awserr.Error{Code: code, Status: http.StatusBadRequest, Message: fmt.Sprintf(format, args...)}
}

// DryRun is the answer to a request made with DryRun=true that would
// have succeeded.
func DryRun() error {
	return &awserr.Error{Code: CodeDryRunOperation, Status: http.StatusPreconditionFailed,
		Message: "Request would have succeeded, but DryRun flag is set."}
}

// Missing is the answer to a request without a required parameter.
func Missing(param string) error {
	return Error(CodeMissingParameter, "The request must contain the parameter %s", param)
}

// InvalidValue is the answer to a parameter whose value AWS refuses.
func InvalidValue(param, value, why string) error {
	if why != "" {
		why = " " + why
	}
	return Error(CodeInvalidParameterValue, "Value (%s) for parameter %s is invalid.%s", value, param, why)
}
