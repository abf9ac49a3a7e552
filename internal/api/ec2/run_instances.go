package ec2

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("RunInstances", func(a *api) awsproto.QueryHandler { return handler(a.runInstances) })

type runInstancesInput struct {
	common
	ImageID           string               `ec2:"ImageId"`
	InstanceType      string               `ec2:"InstanceType"`
	KeyName           string               `ec2:"KeyName"`
	MinCount          int32                `ec2:"MinCount,required"`
	MaxCount          int32                `ec2:"MaxCount,required"`
	SubnetID          string               `ec2:"SubnetId"`
	SecurityGroupIDs  []string             `ec2:"SecurityGroupId"`
	SecurityGroups    []string             `ec2:"SecurityGroup"`
	Placement         *placementIn         `ec2:"Placement"`
	NetworkInterfaces []networkInterfaceIn `ec2:"NetworkInterface"`
	BlockDevices      []blockDeviceIn      `ec2:"BlockDeviceMapping"`
	TagSpecs          []tagSpecIn          `ec2:"TagSpecification"`
	Monitoring        *monitoringIn        `ec2:"Monitoring"`
	EbsOptimized      bool                 `ec2:"EbsOptimized"`
	MetadataOptions   *metadataIn          `ec2:"MetadataOptions"`
	InstanceProfile   *instanceProfileIn   `ec2:"IamInstanceProfile"`
	ClientToken       string               `ec2:"ClientToken"`
	LaunchTemplate    *launchTemplateIn    `ec2:"LaunchTemplate"`
	// Members Salve takes and does not act on (see docs/compat/ec2.md).
	_ struct{} `ignore:"UserData,KernelId,RamdiskId,Ipv6AddressCount,Ipv6Address,ElasticGpuSpecification,ElasticInferenceAccelerator,InstanceMarketOptions,CreditSpecification,CpuOptions,CapacityReservationSpecification,HibernationOptions,LicenseSpecification,EnclaveOptions,PrivateDnsNameOptions,MaintenanceOptions,DisableApiStop,EnablePrimaryIpv6,NetworkPerformanceOptions,Operator,DisableApiTermination,InstanceInitiatedShutdownBehavior,PrivateIpAddress,AdditionalInfo"`
}

type placementIn struct {
	AvailabilityZone string   `ec2:"AvailabilityZone"`
	Tenancy          string   `ec2:"Tenancy"`
	_                struct{} `ignore:"AvailabilityZoneId,Affinity,GroupName,PartitionNumber,HostId,SpreadDomain,HostResourceGroupArn,GroupId"`
}

type networkInterfaceIn struct {
	AssociatePublicIP  *bool    `ec2:"AssociatePublicIpAddress"`
	DeviceIndex        *int32   `ec2:"DeviceIndex"`
	SubnetID           string   `ec2:"SubnetId"`
	SecurityGroupIDs   []string `ec2:"SecurityGroupId"`
	NetworkInterfaceID string   `ec2:"NetworkInterfaceId"`
	_                  struct{} `ignore:"DeleteOnTermination,Description,Ipv6AddressCount,Ipv6Addresses,PrivateIpAddress,PrivateIpAddresses,SecondaryPrivateIpAddressCount,AssociateCarrierIpAddress,InterfaceType,NetworkCardIndex,Ipv4Prefix,Ipv4PrefixCount,Ipv6Prefix,Ipv6PrefixCount,PrimaryIpv6,EnaSrdSpecification,ConnectionTrackingSpecification,EnaQueueCount"`
}

type blockDeviceIn struct {
	DeviceName string   `ec2:"DeviceName"`
	Ebs        *ebsIn   `ec2:"Ebs"`
	_          struct{} `ignore:"NoDevice,VirtualName"`
}

type ebsIn struct {
	DeleteOnTermination *bool    `ec2:"DeleteOnTermination"`
	IOPS                *int32   `ec2:"Iops"`
	SnapshotID          string   `ec2:"SnapshotId"`
	VolumeSize          *int32   `ec2:"VolumeSize"`
	VolumeType          string   `ec2:"VolumeType"`
	KMSKeyID            string   `ec2:"KmsKeyId"`
	Throughput          *int32   `ec2:"Throughput"`
	Encrypted           *bool    `ec2:"Encrypted"`
	_                   struct{} `ignore:"OutpostArn,AvailabilityZone,VolumeInitializationRate,AvailabilityZoneId,EbsCardIndex"`
}

type monitoringIn struct {
	Enabled bool `ec2:"Enabled,required"`
}

type metadataIn struct {
	HTTPTokens           string   `ec2:"HttpTokens"`
	HopLimit             *int32   `ec2:"HttpPutResponseHopLimit"`
	HTTPEndpoint         string   `ec2:"HttpEndpoint"`
	InstanceMetadataTags string   `ec2:"InstanceMetadataTags"`
	_                    struct{} `ignore:"HttpProtocolIpv6"`
}

type instanceProfileIn struct {
	ARN  string `ec2:"Arn"`
	Name string `ec2:"Name"`
}

type launchTemplateIn struct {
	ID      string `ec2:"LaunchTemplateId"`
	Name    string `ec2:"LaunchTemplateName"`
	Version string `ec2:"Version"`
}

func (in *runInstancesInput) validate() error {
	switch {
	case in.LaunchTemplate != nil:
		return sandbox.InvalidValue("LaunchTemplate", "", "Salve does not emulate launch templates: give the instance's parameters.")
	case in.ImageID == "":
		return sandbox.Missing("ImageId")
	case len(in.NetworkInterfaces) > 1:
		return sandbox.InvalidValue("NetworkInterface", "", "Salve gives an instance one network interface.")
	case len(in.NetworkInterfaces) == 1 && in.SubnetID != "":
		return sandbox.Error(sandbox.CodeInvalidParameterCombination,
			"Network interfaces and an instance-level subnet ID may not be specified on the same request")
	case len(in.NetworkInterfaces) == 1 && (len(in.SecurityGroupIDs) > 0 || len(in.SecurityGroups) > 0):
		return sandbox.Error(sandbox.CodeInvalidParameterCombination,
			"Network interfaces and an instance-level security groups may not be specified on the same request")
	case len(in.NetworkInterfaces) == 1 && in.NetworkInterfaces[0].NetworkInterfaceID != "":
		return sandbox.InvalidValue("NetworkInterface.1.NetworkInterfaceId", in.NetworkInterfaces[0].NetworkInterfaceID,
			"Salve does not emulate network interfaces of their own: give a subnet.")
	}
	if err := in.validateMetadata(); err != nil {
		return err
	}
	if in.Placement != nil {
		return enum("Placement.Tenancy", in.Placement.Tenancy, "default")
	}
	return nil
}

func (in *runInstancesInput) validateMetadata() error {
	m := in.MetadataOptions
	if m == nil {
		return nil
	}
	if err := enum("MetadataOptions.HttpTokens", m.HTTPTokens, "optional", "required"); err != nil {
		return err
	}
	if err := enum("MetadataOptions.HttpEndpoint", m.HTTPEndpoint, "enabled", "disabled"); err != nil {
		return err
	}
	return enum("MetadataOptions.InstanceMetadataTags", m.InstanceMetadataTags, "enabled", "disabled")
}

// params converts the request for the domain.
func (in *runInstancesInput) params(accountID string) sandbox.RunParams {
	p := sandbox.RunParams{ImageID: in.ImageID, InstanceType: in.InstanceType, KeyName: in.KeyName,
		MinCount: in.MinCount, MaxCount: in.MaxCount, SubnetID: in.SubnetID, SecurityGroupIDs: in.SecurityGroupIDs,
		SecurityGroupNames: in.SecurityGroups, TagSpecs: tagSpecs(in.TagSpecs), EBSOptimized: in.EbsOptimized,
		ClientToken: in.ClientToken, Monitoring: in.Monitoring != nil && in.Monitoring.Enabled}
	if in.Placement != nil {
		p.AvailabilityZone = in.Placement.AvailabilityZone
	}
	if len(in.NetworkInterfaces) == 1 {
		ni := in.NetworkInterfaces[0]
		p.SubnetID, p.SecurityGroupIDs, p.AssociatePublicIP = ni.SubnetID, ni.SecurityGroupIDs, ni.AssociatePublicIP
	}
	if m := in.MetadataOptions; m != nil {
		p.Metadata = sandbox.MetadataOptions{HTTPTokens: m.HTTPTokens, HTTPEndpoint: m.HTTPEndpoint,
			HopLimit: deref(m.HopLimit), InstanceMetadataTags: m.InstanceMetadataTags}
	}
	if ip := in.InstanceProfile; ip != nil {
		p.InstanceProfileARN = ip.ARN
		if p.InstanceProfileARN == "" && ip.Name != "" {
			p.InstanceProfileARN = "arn:aws:iam::" + accountID + ":instance-profile/" + strings.TrimPrefix(ip.Name, "/")
		}
	}
	for _, bd := range in.BlockDevices {
		if bd.Ebs != nil {
			p.BlockDevices = append(p.BlockDevices, bd.spec())
		}
	}
	return p
}

func (bd *blockDeviceIn) spec() sandbox.BlockDeviceSpec {
	e := bd.Ebs
	return sandbox.BlockDeviceSpec{DeviceName: bd.DeviceName, DeleteOnTermination: e.DeleteOnTermination,
		Volume: sandbox.VolumeSpec{VolumeType: e.VolumeType, Size: e.VolumeSize, IOPS: e.IOPS, Throughput: e.Throughput,
			Encrypted: e.Encrypted, KMSKeyID: e.KMSKeyID, SnapshotID: e.SnapshotID}}
}

func (a *api) runInstances(ctx context.Context, in *runInstancesInput) (any, error) {
	sc := scope(ctx)
	res, err := a.EC2.RunInstances(ctx, sc, in.params(sc.AccountID))
	if err != nil {
		return nil, err
	}
	return reservationOut(sc, *res, sandbox.StatePending), nil
}
