package ec2

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// kind describes one resource kind: how its ids look, where its records
// live, and what AWS answers for a malformed or unknown id.
type kind struct {
	// prefix starts every id of the kind ("vpc" for vpc-0a1b…).
	prefix string
	// bucket is the store kind, scoped per tenant.
	bucket string
	// tagType is the resource type DescribeTags and TagSpecification name.
	tagType string
	// configType is the AWS Config resource type, "" if none.
	configType string
	// notFound and malformed are the error codes for unknown and
	// malformed ids; notFoundMsg is the message with one %s for the id.
	notFound, malformed, notFoundMsg string
}

// The kinds of resource the sandbox keeps.
var (
	kindVPC = &kind{prefix: "vpc", bucket: "ec2-vpc", tagType: "vpc", configType: "AWS::EC2::VPC",
		notFound: "InvalidVpcID.NotFound", malformed: "InvalidVpcID.Malformed",
		notFoundMsg: "The vpc ID '%s' does not exist"}
	kindSubnet = &kind{prefix: "subnet", bucket: "ec2-subnet", tagType: "subnet", configType: "AWS::EC2::Subnet",
		notFound: "InvalidSubnetID.NotFound", malformed: "InvalidSubnetID.Malformed",
		notFoundMsg: "The subnet ID '%s' does not exist"}
	kindGroup = &kind{prefix: "sg", bucket: "ec2-security-group", tagType: "security-group",
		configType: "AWS::EC2::SecurityGroup", notFound: "InvalidGroup.NotFound", malformed: "InvalidGroupId.Malformed",
		notFoundMsg: "The security group '%s' does not exist"}
	kindInstance = &kind{prefix: "i", bucket: "ec2-instance", tagType: "instance", configType: "AWS::EC2::Instance",
		notFound: "InvalidInstanceID.NotFound", malformed: "InvalidInstanceID.Malformed",
		notFoundMsg: "The instance ID '%s' does not exist"}
	kindVolume = &kind{prefix: "vol", bucket: "ec2-volume", tagType: "volume", configType: "AWS::EC2::Volume",
		notFound: "InvalidVolume.NotFound", malformed: "InvalidVolumeID.Malformed",
		notFoundMsg: "The volume '%s' does not exist."}
	kindFlowLog = &kind{prefix: "fl", bucket: "ec2-flow-log", tagType: "vpc-flow-log", configType: "AWS::EC2::FlowLog",
		notFound: "InvalidFlowLogId.NotFound", malformed: "InvalidFlowLogId.Malformed",
		notFoundMsg: "The flow log ID '%s' does not exist"}
	kindPrefixList = &kind{prefix: "pl", bucket: "ec2-prefix-list", tagType: "prefix-list",
		notFound: "InvalidPrefixListID.NotFound", malformed: "InvalidPrefixListId.Malformed",
		notFoundMsg: "The prefix list ID '%s' does not exist."}
	kindRule = &kind{prefix: "sgr", tagType: "security-group-rule",
		notFound: CodeInvalidRuleIDNotFound, malformed: CodeInvalidRuleIDMalformed,
		notFoundMsg: "The security group rule ID '%s' does not exist"}
)

// kinds lists the kinds whose ids CreateTags and DescribeTags accept.
var kinds = []*kind{kindVPC, kindSubnet, kindGroup, kindInstance, kindVolume, kindFlowLog, kindPrefixList, kindRule}

// kindOf returns the kind an id's prefix names, or nil.
func kindOf(id string) *kind {
	prefix, _, ok := strings.Cut(id, "-")
	if !ok {
		return nil
	}
	for _, k := range kinds {
		if k.prefix == prefix {
			return k
		}
	}
	return nil
}

// newID returns a fresh id of the kind: the prefix and 17 hex digits, as
// AWS mints them.
func (k *kind) newID() string { return NewID(k.prefix) }

// NewID returns prefix-<17 hex digits>.
func NewID(prefix string) string {
	var b [9]byte
	rand.Read(b[:])
	return prefix + "-" + hex.EncodeToString(b[:])[:17]
}

// WellFormed reports whether id is prefix- followed by 8 or 17 lowercase
// hex digits (the old and the new id lengths).
func WellFormed(prefix, id string) bool {
	rest, ok := strings.CutPrefix(id, prefix+"-")
	if !ok || (len(rest) != 8 && len(rest) != 17) {
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// check answers the kind's Malformed error for an id of the wrong shape.
func (k *kind) check(id string) error {
	if WellFormed(k.prefix, id) {
		return nil
	}
	return Error(k.malformed, "Invalid id: \"%s\" (expecting \"%s-...\")", id, k.prefix)
}

// missing answers the kind's NotFound error for id.
func (k *kind) missing(id string) error {
	return Error(k.notFound, k.notFoundMsg, id)
}
