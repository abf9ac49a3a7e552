package discovery

import (
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// EC2 configuration item types.
const (
	typeVPC           = "AWS::EC2::VPC"
	typeSubnet        = "AWS::EC2::Subnet"
	typeSecurityGroup = "AWS::EC2::SecurityGroup"
	typeInstance      = "AWS::EC2::Instance"
	typeVolume        = "AWS::EC2::Volume"
	typeFlowLog       = "AWS::EC2::FlowLog"
)

// Relationship names of EC2 items.
const (
	relContainedInVPC    = "Is contained in Vpc"
	relContainedInSubnet = "Is contained in Subnet"
	relAssociatedGroup   = "Is associated with SecurityGroup"
	relAttachedVolume    = "Is attached to Volume"
	relAttachedInstance  = "Is attached to Instance"
)

// network discovers VPCs, subnets and security groups.
func (sc *scan) network() {
	sc.describe("DescribeVpcs", "Vpcs", typeVPC, "VpcId", vpcItem)
	sc.describe("DescribeSubnets", "Subnets", typeSubnet, "SubnetId", subnetItem)
	sc.describe("DescribeSecurityGroups", "SecurityGroups", typeSecurityGroup, "GroupId", groupItem)
}

// describe lists one EC2 resource type and builds an item of each.
func (sc *scan) describe(api, member, resourceType, idMember string, build func(tenant.Scope, map[string]any) *configitem.Item) {
	var found []map[string]any
	ok := sc.pages("ec2", api, nil, tokenPaging, func(out map[string]any) {
		found = append(found, objs(out, member)...)
	})
	sc.list(resourceType, ok)
	for _, r := range found {
		if id := str(r, idMember); id != "" {
			sc.add(resourceType, id, build(sc.scope, r))
		}
	}
}

// ec2Item fills the members every EC2 item carries. The ARN names the
// resource's owner when the answer says, else the scope's account.
func ec2Item(scope tenant.Scope, resourceType, arnType, id, owner string, tags []tag) *configitem.Item {
	if owner != "" {
		scope.AccountID = owner
	}
	return &configitem.Item{ResourceType: resourceType, ResourceID: id, ARN: scope.ARN("ec2", arnType+"/"+id),
		AvailabilityZone: "Regional", Tags: tagMap(tags)}
}

func rel(resourceType, id, name string) configitem.Relationship {
	return configitem.Relationship{ResourceType: resourceType, ResourceID: id, Name: name}
}

func vpcItem(scope tenant.Scope, v map[string]any) *configitem.Item {
	tags := tagPairs(v, "Tags")
	it := ec2Item(scope, typeVPC, "vpc", str(v, "VpcId"), str(v, "OwnerId"), tags)
	it.Configuration = map[string]any{"vpcId": str(v, "VpcId"), "cidrBlock": str(v, "CidrBlock"),
		"state": str(v, "State"), "isDefault": boolean(v, "IsDefault"), "dhcpOptionsId": str(v, "DhcpOptionsId"),
		"instanceTenancy": str(v, "InstanceTenancy"), "ownerId": str(v, "OwnerId"), "tags": tagList(tags)}
	return it
}

func subnetItem(scope tenant.Scope, s map[string]any) *configitem.Item {
	tags := tagPairs(s, "Tags")
	it := ec2Item(scope, typeSubnet, "subnet", str(s, "SubnetId"), str(s, "OwnerId"), tags)
	it.Configuration = map[string]any{"subnetId": str(s, "SubnetId"), "vpcId": str(s, "VpcId"),
		"cidrBlock": str(s, "CidrBlock"), "availabilityZone": str(s, "AvailabilityZone"),
		"mapPublicIpOnLaunch": boolean(s, "MapPublicIpOnLaunch"), "defaultForAz": boolean(s, "DefaultForAz"),
		"state": str(s, "State"), "tags": tagList(tags)}
	it.Relationships = []configitem.Relationship{rel(typeVPC, str(s, "VpcId"), relContainedInVPC)}
	return it
}

func groupItem(scope tenant.Scope, g map[string]any) *configitem.Item {
	tags := tagPairs(g, "Tags")
	it := ec2Item(scope, typeSecurityGroup, "security-group", str(g, "GroupId"), str(g, "OwnerId"), tags)
	it.ResourceName = str(g, "GroupName")
	it.Configuration = map[string]any{"groupId": str(g, "GroupId"), "groupName": str(g, "GroupName"),
		"description": str(g, "Description"), "vpcId": str(g, "VpcId"), "ownerId": str(g, "OwnerId"),
		"ipPermissions": permissionItems(objs(g, "IpPermissions")), "ipPermissionsEgress": permissionItems(objs(g, "IpPermissionsEgress")),
		"tags": tagList(tags)}
	if vpc := str(g, "VpcId"); vpc != "" {
		it.Relationships = []configitem.Relationship{rel(typeVPC, vpc, relContainedInVPC)}
	}
	return it
}

// permissionItems renders a group's IpPermissions as Config records them.
func permissionItems(perms []map[string]any) []any {
	out := make([]any, 0, len(perms))
	for _, p := range perms {
		m := map[string]any{"ipProtocol": str(p, "IpProtocol")}
		from, hasFrom := integer(p, "FromPort")
		to, hasTo := integer(p, "ToPort")
		if str(p, "IpProtocol") != "-1" && hasFrom && hasTo {
			m["fromPort"], m["toPort"] = from, to
		}
		v4, cidrs := []any{}, []any{}
		for _, r := range objs(p, "IpRanges") {
			v4 = append(v4, map[string]any{"cidrIp": str(r, "CidrIp"), "description": nullable(r, "Description")})
			cidrs = append(cidrs, str(r, "CidrIp"))
		}
		m["ipv4Ranges"], m["ipRanges"] = v4, cidrs
		m["ipv6Ranges"] = pairs(objs(p, "Ipv6Ranges"), "cidrIpv6", "CidrIpv6", "description", "Description")
		m["prefixListIds"] = pairs(objs(p, "PrefixListIds"), "prefixListId", "PrefixListId", "description", "Description")
		m["userIdGroupPairs"] = pairs(objs(p, "UserIdGroupPairs"), "groupId", "GroupId", "userId", "UserId")
		out = append(out, m)
	}
	return out
}

// pairs renders objects as two-member lowerCamel objects: k1 from the
// member m1, k2 from m2 (null when empty).
func pairs(list []map[string]any, k1, m1, k2, m2 string) []any {
	out := make([]any, 0, len(list))
	for _, e := range list {
		out = append(out, map[string]any{k1: str(e, m1), k2: nullable(e, m2)})
	}
	return out
}
