package ec2

import (
	"strings"

	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/tenant"
)

type instanceStateXML struct {
	Code int32  `xml:"code"`
	Name string `xml:"name"`
}

func stateOut(name string) instanceStateXML {
	return instanceStateXML{Code: sandbox.StateCode(name), Name: name}
}

type groupIdentXML struct {
	GroupID   string `xml:"groupId"`
	GroupName string `xml:"groupName"`
}

type instanceXML struct {
	InstanceID         string              `xml:"instanceId"`
	ImageID            string              `xml:"imageId"`
	State              instanceStateXML    `xml:"instanceState"`
	PrivateDNSName     string              `xml:"privateDnsName"`
	DNSName            string              `xml:"dnsName"`
	Reason             string              `xml:"reason"`
	KeyName            string              `xml:"keyName,omitempty"`
	AmiLaunchIndex     int32               `xml:"amiLaunchIndex"`
	ProductCodes       set[struct{}]       `xml:"productCodes"`
	InstanceType       string              `xml:"instanceType"`
	LaunchTime         string              `xml:"launchTime"`
	Placement          placementXML        `xml:"placement"`
	Monitoring         monitoringXML       `xml:"monitoring"`
	SubnetID           string              `xml:"subnetId"`
	VpcID              string              `xml:"vpcId"`
	PrivateIP          string              `xml:"privateIpAddress"`
	PublicIP           string              `xml:"ipAddress,omitempty"`
	SourceDestCheck    bool                `xml:"sourceDestCheck"`
	Groups             set[groupIdentXML]  `xml:"groupSet"`
	StateReason        *stateReasonXML     `xml:"stateReason,omitempty"`
	Architecture       string              `xml:"architecture"`
	RootDeviceType     string              `xml:"rootDeviceType"`
	RootDeviceName     string              `xml:"rootDeviceName"`
	BlockDevices       set[blockDeviceXML] `xml:"blockDeviceMapping"`
	VirtualizationType string              `xml:"virtualizationType"`
	ClientToken        string              `xml:"clientToken"`
	Tags               *set[tagXML]        `xml:"tagSet,omitempty"`
	Hypervisor         string              `xml:"hypervisor"`
	NetworkInterfaces  set[interfaceXML]   `xml:"networkInterfaceSet"`
	InstanceProfile    *instanceProfileXML `xml:"iamInstanceProfile,omitempty"`
	EbsOptimized       bool                `xml:"ebsOptimized"`
	EnaSupport         bool                `xml:"enaSupport"`
	MetadataOptions    metadataXML         `xml:"metadataOptions"`
	PlatformDetails    string              `xml:"platformDetails"`
	UsageOperation     string              `xml:"usageOperation"`
	PrivateDNSOptions  privateDNSOptions   `xml:"privateDnsNameOptions"`
	Maintenance        maintenanceXML      `xml:"maintenanceOptions"`
	BootMode           string              `xml:"currentInstanceBootMode"`
}

type placementXML struct {
	AvailabilityZone string `xml:"availabilityZone"`
	GroupName        string `xml:"groupName"`
	Tenancy          string `xml:"tenancy"`
}

type monitoringXML struct {
	State string `xml:"state"`
}

type stateReasonXML struct {
	Code    string `xml:"code"`
	Message string `xml:"message"`
}

type blockDeviceXML struct {
	DeviceName string         `xml:"deviceName"`
	Ebs        ebsInstanceXML `xml:"ebs"`
}

type ebsInstanceXML struct {
	VolumeID            string `xml:"volumeId"`
	Status              string `xml:"status"`
	AttachTime          string `xml:"attachTime"`
	DeleteOnTermination bool   `xml:"deleteOnTermination"`
}

type instanceProfileXML struct {
	ARN string `xml:"arn"`
	ID  string `xml:"id"`
}

type metadataXML struct {
	State                string `xml:"state"`
	HTTPTokens           string `xml:"httpTokens"`
	HopLimit             int32  `xml:"httpPutResponseHopLimit"`
	HTTPEndpoint         string `xml:"httpEndpoint"`
	HTTPProtocolIPv6     string `xml:"httpProtocolIpv6"`
	InstanceMetadataTags string `xml:"instanceMetadataTags"`
}

type maintenanceXML struct {
	AutoRecovery string `xml:"autoRecovery"`
}

type interfaceXML struct {
	ID              string                 `xml:"networkInterfaceId"`
	SubnetID        string                 `xml:"subnetId"`
	VpcID           string                 `xml:"vpcId"`
	Description     string                 `xml:"description"`
	OwnerID         string                 `xml:"ownerId"`
	Status          string                 `xml:"status"`
	MACAddress      string                 `xml:"macAddress"`
	PrivateIP       string                 `xml:"privateIpAddress"`
	PrivateDNSName  string                 `xml:"privateDnsName"`
	SourceDestCheck bool                   `xml:"sourceDestCheck"`
	Groups          set[groupIdentXML]     `xml:"groupSet"`
	Attachment      interfaceAttachXML     `xml:"attachment"`
	Association     *associationXML        `xml:"association,omitempty"`
	PrivateIPs      set[privateAddressXML] `xml:"privateIpAddressesSet"`
	InterfaceType   string                 `xml:"interfaceType"`
}

type interfaceAttachXML struct {
	ID                  string `xml:"attachmentId"`
	DeviceIndex         int32  `xml:"deviceIndex"`
	Status              string `xml:"status"`
	AttachTime          string `xml:"attachTime"`
	DeleteOnTermination bool   `xml:"deleteOnTermination"`
	NetworkCardIndex    int32  `xml:"networkCardIndex"`
}

type associationXML struct {
	PublicIP      string `xml:"publicIp"`
	PublicDNSName string `xml:"publicDnsName"`
	IPOwnerID     string `xml:"ipOwnerId"`
}

type privateAddressXML struct {
	PrivateIP      string          `xml:"privateIpAddress"`
	PrivateDNSName string          `xml:"privateDnsName"`
	Primary        bool            `xml:"primary"`
	Association    *associationXML `xml:"association,omitempty"`
}

// privateDNSName is the name AWS gives a private address in a region.
func privateDNSName(region, ip string) string {
	if ip == "" {
		return ""
	}
	host := "ip-" + strings.ReplaceAll(ip, ".", "-")
	if region == "us-east-1" {
		return host + ".ec2.internal"
	}
	return host + "." + region + ".compute.internal"
}

// publicDNSName is the name AWS gives a public address in a region.
func publicDNSName(region, ip string) string {
	if ip == "" {
		return ""
	}
	host := "ec2-" + strings.ReplaceAll(ip, ".", "-")
	if region == "us-east-1" {
		return host + ".compute-1.amazonaws.com"
	}
	return host + "." + region + ".compute.amazonaws.com"
}

// instanceOut renders an instance; state, when set, replaces its state
// (RunInstances answers pending).
func instanceOut(scope tenant.Scope, in *sandbox.Instance, state string) instanceXML {
	if state == "" {
		state = in.State
	}
	groups := mapSet(in.SecurityGroups, func(g sandbox.GroupRef) groupIdentXML { return groupIdentXML{g.ID, g.Name} })
	out := instanceXML{InstanceID: in.ID, ImageID: in.ImageID, State: stateOut(state),
		PrivateDNSName: privateDNSName(scope.Region, in.PrivateIP), DNSName: publicDNSName(scope.Region, in.PublicIP),
		Reason: in.StateTransitionReason, KeyName: in.KeyName, AmiLaunchIndex: in.LaunchIndex,
		InstanceType: in.InstanceType, LaunchTime: isoTime(in.LaunchTime),
		Placement:  placementXML{AvailabilityZone: in.AvailabilityZone, Tenancy: "default"},
		Monitoring: monitoringXML{"disabled"}, SubnetID: in.SubnetID, VpcID: in.VPCID, PrivateIP: in.PrivateIP,
		PublicIP: in.PublicIP, SourceDestCheck: true, Groups: groups, Architecture: "x86_64", RootDeviceType: "ebs",
		RootDeviceName: in.RootDeviceName, VirtualizationType: "hvm", ClientToken: in.ClientToken,
		Tags: tagSet(in.Tags), Hypervisor: "xen", EbsOptimized: in.EBSOptimized, EnaSupport: true,
		MetadataOptions: metadataOut(in.Metadata), PlatformDetails: "Linux/UNIX", UsageOperation: "RunInstances",
		PrivateDNSOptions: privateDNSOptions{HostnameType: "ip-name"}, Maintenance: maintenanceXML{"default"},
		BootMode: "legacy-bios"}
	if in.Monitoring {
		out.Monitoring.State = "enabled"
	}
	if in.StateReasonCode != "" {
		out.StateReason = &stateReasonXML{in.StateReasonCode, in.StateReasonMessage}
	}
	out.BlockDevices = mapSet(in.BlockDevices, func(bd sandbox.BlockDevice) blockDeviceXML {
		return blockDeviceXML{DeviceName: bd.DeviceName, Ebs: ebsInstanceXML{VolumeID: bd.VolumeID, Status: "attached",
			AttachTime: isoTime(bd.AttachTime), DeleteOnTermination: bd.DeleteOnTermination}}
	})
	if in.InstanceProfileARN != "" {
		out.InstanceProfile = &instanceProfileXML{ARN: in.InstanceProfileARN, ID: "AIPA" + strings.ToUpper(in.ID[2:])}
	}
	if in.State != sandbox.StateTerminated {
		out.NetworkInterfaces = setOf([]interfaceXML{interfaceOut(scope, in, groups)})
	}
	return out
}

func metadataOut(m sandbox.MetadataOptions) metadataXML {
	return metadataXML{State: "applied", HTTPTokens: m.HTTPTokens, HopLimit: m.HopLimit, HTTPEndpoint: m.HTTPEndpoint,
		HTTPProtocolIPv6: "disabled", InstanceMetadataTags: m.InstanceMetadataTags}
}

// interfaceOut renders an instance's one network interface.
func interfaceOut(scope tenant.Scope, in *sandbox.Instance, groups set[groupIdentXML]) interfaceXML {
	dns := privateDNSName(scope.Region, in.PrivateIP)
	var assoc *associationXML
	if in.PublicIP != "" {
		assoc = &associationXML{PublicIP: in.PublicIP, PublicDNSName: publicDNSName(scope.Region, in.PublicIP), IPOwnerID: "amazon"}
	}
	return interfaceXML{ID: in.NetworkInterfaceID, SubnetID: in.SubnetID, VpcID: in.VPCID, OwnerID: scope.AccountID,
		Status: "in-use", MACAddress: in.MACAddress, PrivateIP: in.PrivateIP, PrivateDNSName: dns, SourceDestCheck: true,
		Groups: groups, Association: assoc, InterfaceType: "interface",
		Attachment: interfaceAttachXML{ID: "eni-attach-" + strings.TrimPrefix(in.NetworkInterfaceID, "eni-"),
			Status: "attached", AttachTime: isoTime(in.LaunchTime), DeleteOnTermination: true},
		PrivateIPs: setOf([]privateAddressXML{{PrivateIP: in.PrivateIP, PrivateDNSName: dns, Primary: true, Association: assoc}})}
}

type reservationXML struct {
	ID        string           `xml:"reservationId"`
	OwnerID   string           `xml:"ownerId"`
	Groups    set[struct{}]    `xml:"groupSet"`
	Instances set[instanceXML] `xml:"instancesSet"`
}

func reservationOut(scope tenant.Scope, r sandbox.Reservation, state string) reservationXML {
	return reservationXML{ID: r.ID, OwnerID: r.OwnerID, Instances: mapSet(r.Instances, func(in *sandbox.Instance) instanceXML {
		return instanceOut(scope, in, state)
	})}
}

type stateChangeXML struct {
	InstanceID string           `xml:"instanceId"`
	Current    instanceStateXML `xml:"currentState"`
	Previous   instanceStateXML `xml:"previousState"`
}

type stateChangesOutput struct {
	Instances set[stateChangeXML] `xml:"instancesSet"`
}

func stateChangesOut(changes []sandbox.StateChange) stateChangesOutput {
	return stateChangesOutput{Instances: mapSet(changes, func(c sandbox.StateChange) stateChangeXML {
		return stateChangeXML{InstanceID: c.InstanceID, Current: stateOut(c.Current), Previous: stateOut(c.Previous)}
	})}
}

// instanceIDsIn is the InstanceId.N list of Start, Stop and Terminate.
type instanceIDsIn struct {
	common
	InstanceIDs []string `ec2:"InstanceId,required"`
}

func (in *instanceIDsIn) validate() error {
	if len(in.InstanceIDs) == 0 {
		return sandbox.Missing("InstanceId")
	}
	return nil
}
