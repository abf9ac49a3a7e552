package ec2

import "time"

// Tag is one key/value tag of a resource.
type Tag struct {
	Key   string
	Value string
}

// VPC is a virtual private cloud.
type VPC struct {
	ID string
	// CIDRBlock is the primary IPv4 range, in canonical form.
	CIDRBlock string
	// AssociationID names the primary CIDR association (vpc-cidr-assoc-…).
	AssociationID string
	IsDefault     bool
	// State is "available" once created (creation completes at once).
	State string
	// InstanceTenancy is "default", "dedicated" or "host".
	InstanceTenancy string
	DHCPOptionsID   string
	OwnerID         string
	Created         time.Time
	Tags            []Tag
}

// Subnet is a range of a VPC in one availability zone.
type Subnet struct {
	ID                  string
	VPCID               string
	CIDRBlock           string
	AvailabilityZone    string
	AvailabilityZoneID  string
	State               string
	MapPublicIPOnLaunch bool
	DefaultForAZ        bool
	OwnerID             string
	// NextHost is the host number the next private address takes; AWS
	// reserves the first four addresses and the last one of a subnet.
	NextHost int
	// InUse counts the private addresses instances hold.
	InUse   int
	Created time.Time
	Tags    []Tag
}

// SecurityGroup is a VPC security group and its rules.
type SecurityGroup struct {
	ID          string
	Name        string
	Description string
	VPCID       string
	OwnerID     string
	Ingress     []Rule
	Egress      []Rule
	Created     time.Time
	Tags        []Tag
}

// Rule is one security group rule: a protocol, a port range and exactly
// one peer (an IPv4 range, an IPv6 range, a prefix list or a group).
type Rule struct {
	// ID is the rule's id (sgr-…).
	ID string
	// Protocol is "tcp", "udp", "icmp", "icmpv6", "-1" or a protocol number.
	Protocol string
	// FromPort and ToPort are nil for protocols without ports (-1 and
	// numbers other than tcp, udp, icmp and icmpv6).
	FromPort     *int32 `json:",omitempty"`
	ToPort       *int32 `json:",omitempty"`
	CIDRIPv4     string
	CIDRIPv6     string
	PrefixListID string
	Group        *GroupPair `json:",omitempty"`
	Description  string
	Tags         []Tag
}

// GroupPair is a security group a rule names as its peer.
type GroupPair struct {
	GroupID   string
	GroupName string
	UserID    string
	VPCID     string
	// Description is the rule's description (requests and answers carry it
	// on the pair).
	Description string
}

// Range is an IPv4 or IPv6 range of a permission, with its description.
type Range struct {
	CIDR        string
	Description string
}

// PrefixListRef is a prefix list a permission names.
type PrefixListRef struct {
	ID          string
	Description string
}

// Permission is the grouped form requests and answers use: one protocol
// and port range with every peer it applies to.
type Permission struct {
	Protocol    string
	FromPort    *int32
	ToPort      *int32
	IPv4Ranges  []Range
	IPv6Ranges  []Range
	PrefixLists []PrefixListRef
	Groups      []GroupPair
}

// Instance states, with the codes AWS reports for them.
const (
	StatePending      = "pending"
	StateRunning      = "running"
	StateShuttingDown = "shutting-down"
	StateTerminated   = "terminated"
	StateStopping     = "stopping"
	StateStopped      = "stopped"
)

// StateCode returns the numeric code of an instance state.
func StateCode(state string) int32 {
	switch state {
	case StateRunning:
		return 16
	case StateShuttingDown:
		return 32
	case StateTerminated:
		return 48
	case StateStopping:
		return 64
	case StateStopped:
		return 80
	}
	return 0
}

// Instance is an EC2 instance.
type Instance struct {
	ID            string
	ReservationID string
	ImageID       string
	InstanceType  string
	KeyName       string
	// State is the instance state's name (see the State constants).
	State                 string
	StateTransitionReason string
	// StateReasonCode and StateReasonMessage explain the last stop or
	// termination ("Client.UserInitiatedShutdown").
	StateReasonCode    string
	StateReasonMessage string
	SubnetID           string
	VPCID              string
	AvailabilityZone   string
	PrivateIP          string
	PublicIP           string
	// PublicIPOnStart says a stopped instance gets a new public address
	// when started (it had one when it stopped).
	PublicIPOnStart    bool
	NetworkInterfaceID string
	MACAddress         string
	SecurityGroups     []GroupRef
	LaunchIndex        int32
	LaunchTime         time.Time
	// TerminatedAt is when the instance was terminated; terminated
	// instances stay visible for an hour, as on AWS.
	TerminatedAt       time.Time
	RootDeviceName     string
	BlockDevices       []BlockDevice
	Monitoring         bool
	EBSOptimized       bool
	Metadata           MetadataOptions
	InstanceProfileARN string
	ClientToken        string
	Tags               []Tag
}

// GroupRef names a security group an instance belongs to.
type GroupRef struct {
	ID   string
	Name string
}

// BlockDevice is a volume attached to an instance.
type BlockDevice struct {
	DeviceName          string
	VolumeID            string
	AttachTime          time.Time
	DeleteOnTermination bool
}

// MetadataOptions are an instance's metadata service settings.
type MetadataOptions struct {
	// HTTPTokens is "optional" or "required" (IMDSv2 only).
	HTTPTokens string
	// HTTPEndpoint is "enabled" or "disabled".
	HTTPEndpoint string
	HopLimit     int32
	// InstanceMetadataTags is "enabled" or "disabled".
	InstanceMetadataTags string
}

// Volume is an EBS volume.
type Volume struct {
	ID               string
	AvailabilityZone string
	// VolumeType is gp2, gp3, io1, io2, st1, sc1 or standard.
	VolumeType  string
	Size        int32
	IOPS        int32
	Throughput  int32
	Encrypted   bool
	KMSKeyID    string
	SnapshotID  string
	MultiAttach bool
	// State is "available" or "in-use" (changes complete at once).
	State      string
	Created    time.Time
	Attachment *Attachment `json:",omitempty"`
	Tags       []Tag
}

// Attachment is where a volume is attached.
type Attachment struct {
	InstanceID          string
	Device              string
	AttachTime          time.Time
	DeleteOnTermination bool
}

// FlowLog publishes the traffic of a VPC, subnet or network interface.
type FlowLog struct {
	ID string
	// ResourceID is the VPC, subnet or network interface logged.
	ResourceID string
	// TrafficType is ACCEPT, REJECT or ALL.
	TrafficType string
	// LogDestinationType is cloud-watch-logs, s3 or kinesis-data-firehose.
	LogDestinationType       string
	LogDestination           string
	LogGroupName             string
	DeliverLogsPermissionARN string
	DeliverCrossAccountRole  string
	LogFormat                string
	MaxAggregationInterval   int32
	DestinationOptions       *DestinationOptions `json:",omitempty"`
	Created                  time.Time
	Tags                     []Tag
}

// DestinationOptions are an S3 flow log's file options.
type DestinationOptions struct {
	FileFormat               string
	HiveCompatiblePartitions bool
	PerHourPartition         bool
}

// PrefixList is a managed prefix list: AWS's own (read-only) or the
// account's.
type PrefixList struct {
	ID            string
	Name          string
	AddressFamily string
	MaxEntries    int32
	Version       int64
	State         string
	OwnerID       string
	Entries       []PrefixListEntry
	Tags          []Tag
}

// PrefixListEntry is one CIDR of a prefix list.
type PrefixListEntry struct {
	CIDR        string
	Description string
}

// settings are a scope's account-level EC2 state.
type settings struct {
	// DefaultsCreated records that the default VPC was made (and may since
	// have been deleted).
	DefaultsCreated bool
	DefaultVPCID    string
	DHCPOptionsID   string
	// EBSEncryptionByDefault makes new volumes encrypted.
	EBSEncryptionByDefault bool
	// EBSDefaultKMSKeyID is the ARN of the aws/ebs key, minted on first use.
	EBSDefaultKMSKeyID string
}
