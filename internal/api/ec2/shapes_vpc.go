package ec2

import (
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/tenant"
)

type vpcXML struct {
	VpcID                   string            `xml:"vpcId"`
	OwnerID                 string            `xml:"ownerId"`
	State                   string            `xml:"state"`
	CidrBlock               string            `xml:"cidrBlock"`
	CidrBlockAssociationSet set[cidrAssocXML] `xml:"cidrBlockAssociationSet"`
	Ipv6Associations        set[struct{}]     `xml:"ipv6CidrBlockAssociationSet"`
	DhcpOptionsID           string            `xml:"dhcpOptionsId"`
	InstanceTenancy         string            `xml:"instanceTenancy"`
	IsDefault               bool              `xml:"isDefault"`
	BlockPublicAccessStates blockPublicAccess `xml:"blockPublicAccessStates"`
	Tags                    *set[tagXML]      `xml:"tagSet,omitempty"`
}

type cidrAssocXML struct {
	AssociationID string       `xml:"associationId"`
	CidrBlock     string       `xml:"cidrBlock"`
	State         cidrStateXML `xml:"cidrBlockState"`
}

type cidrStateXML struct {
	State string `xml:"state"`
}

type blockPublicAccess struct {
	InternetGatewayBlockMode string `xml:"internetGatewayBlockMode"`
}

func vpcOut(v *sandbox.VPC) vpcXML {
	return vpcXML{VpcID: v.ID, OwnerID: v.OwnerID, State: v.State, CidrBlock: v.CIDRBlock,
		CidrBlockAssociationSet: setOf([]cidrAssocXML{{AssociationID: v.AssociationID, CidrBlock: v.CIDRBlock,
			State: cidrStateXML{"associated"}}}),
		DhcpOptionsID: v.DHCPOptionsID, InstanceTenancy: v.InstanceTenancy, IsDefault: v.IsDefault,
		BlockPublicAccessStates: blockPublicAccess{"off"}, Tags: tagSet(v.Tags)}
}

type subnetXML struct {
	SubnetID                    string            `xml:"subnetId"`
	SubnetArn                   string            `xml:"subnetArn"`
	VpcID                       string            `xml:"vpcId"`
	OwnerID                     string            `xml:"ownerId"`
	State                       string            `xml:"state"`
	CidrBlock                   string            `xml:"cidrBlock"`
	AvailableIPAddressCount     int32             `xml:"availableIpAddressCount"`
	AvailabilityZone            string            `xml:"availabilityZone"`
	AvailabilityZoneID          string            `xml:"availabilityZoneId"`
	DefaultForAz                bool              `xml:"defaultForAz"`
	MapPublicIPOnLaunch         bool              `xml:"mapPublicIpOnLaunch"`
	MapCustomerOwnedIPOnLaunch  bool              `xml:"mapCustomerOwnedIpOnLaunch"`
	AssignIpv6AddressOnCreation bool              `xml:"assignIpv6AddressOnCreation"`
	Ipv6Associations            set[struct{}]     `xml:"ipv6CidrBlockAssociationSet"`
	EnableDNS64                 bool              `xml:"enableDns64"`
	Ipv6Native                  bool              `xml:"ipv6Native"`
	PrivateDNSNameOptions       privateDNSOptions `xml:"privateDnsNameOptionsOnLaunch"`
	BlockPublicAccessStates     blockPublicAccess `xml:"blockPublicAccessStates"`
	Tags                        *set[tagXML]      `xml:"tagSet,omitempty"`
}

type privateDNSOptions struct {
	HostnameType                    string `xml:"hostnameType"`
	EnableResourceNameDNSARecord    bool   `xml:"enableResourceNameDnsARecord"`
	EnableResourceNameDNSAAAARecord bool   `xml:"enableResourceNameDnsAAAARecord"`
}

func subnetOut(scope tenant.Scope, s *sandbox.Subnet) subnetXML {
	return subnetXML{SubnetID: s.ID, SubnetArn: scope.ARN("ec2", "subnet/"+s.ID), VpcID: s.VPCID,
		OwnerID: s.OwnerID, State: s.State, CidrBlock: s.CIDRBlock, AvailableIPAddressCount: s.AvailableIPs(),
		AvailabilityZone: s.AvailabilityZone, AvailabilityZoneID: s.AvailabilityZoneID, DefaultForAz: s.DefaultForAZ,
		MapPublicIPOnLaunch: s.MapPublicIPOnLaunch, PrivateDNSNameOptions: privateDNSOptions{HostnameType: "ip-name"},
		BlockPublicAccessStates: blockPublicAccess{"off"}, Tags: tagSet(s.Tags)}
}
