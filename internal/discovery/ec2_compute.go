package discovery

import (
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// compute discovers instances, volumes and flow logs.
func (sc *scan) compute() {
	sc.instances()
	sc.describe("DescribeVolumes", "Volumes", typeVolume, "VolumeId", volumeItem)
	sc.describe("DescribeFlowLogs", "FlowLogs", typeFlowLog, "FlowLogId", flowLogItem)
}

// instances discovers the instances not terminated (a terminated one is
// recorded as deleted, as AWS Config does).
func (sc *scan) instances() {
	var all []map[string]any
	var owners []string
	ok := sc.pages("ec2", "DescribeInstances", nil, tokenPaging, func(out map[string]any) {
		for _, r := range objs(out, "Reservations") {
			for _, in := range objs(r, "Instances") {
				all, owners = append(all, in), append(owners, str(r, "OwnerId"))
			}
		}
	})
	sc.list(typeInstance, ok)
	for i, in := range all {
		id := str(in, "InstanceId")
		if id == "" || str(obj(in, "State"), "Name") == "terminated" {
			continue
		}
		sc.add(typeInstance, id, instanceItem(sc.scope, owners[i], in))
	}
}

func instanceItem(scope tenant.Scope, owner string, in map[string]any) *configitem.Item {
	tags := tagPairs(in, "Tags")
	id := str(in, "InstanceId")
	it := ec2Item(scope, typeInstance, "instance", id, owner, tags)
	it.AvailabilityZone = str(obj(in, "Placement"), "AvailabilityZone")
	if it.AvailabilityZone == "" {
		it.AvailabilityZone = "Regional"
	}
	it.ResourceCreationTime = timestamp(in, "LaunchTime")
	state := obj(in, "State")
	code, _ := integer(state, "Code")
	groups, rels := instanceLinks(in)
	md := obj(in, "MetadataOptions")
	hops, _ := integer(md, "HttpPutResponseHopLimit")
	cfg := map[string]any{"instanceId": id, "imageId": str(in, "ImageId"), "instanceType": str(in, "InstanceType"),
		"state":      map[string]any{"code": code & 0xff, "name": str(state, "Name")},
		"launchTime": rfc3339(in, "LaunchTime"), "subnetId": str(in, "SubnetId"), "vpcId": str(in, "VpcId"),
		"privateIpAddress": str(in, "PrivateIpAddress"), "securityGroups": groups,
		"stateTransitionReason": str(in, "StateTransitionReason"), "tags": tagList(tags),
		"metadataOptions": map[string]any{"httpTokens": str(md, "HttpTokens"),
			"httpEndpoint": str(md, "HttpEndpoint"), "httpPutResponseHopLimit": hops}}
	if ip := str(in, "PublicIpAddress"); ip != "" {
		cfg["publicIpAddress"] = ip
	}
	it.Configuration, it.Relationships = cfg, rels
	return it
}

// instanceLinks returns an instance's securityGroups member and its
// relationships: its VPC, subnet, security groups and volumes.
func instanceLinks(in map[string]any) ([]any, []configitem.Relationship) {
	groups, rels := []any{}, []configitem.Relationship{rel(typeVPC, str(in, "VpcId"), relContainedInVPC),
		rel(typeSubnet, str(in, "SubnetId"), relContainedInSubnet)}
	for _, g := range instanceGroups(in) {
		groups = append(groups, map[string]any{"groupId": str(g, "GroupId"), "groupName": str(g, "GroupName")})
		rels = append(rels, rel(typeSecurityGroup, str(g, "GroupId"), relAssociatedGroup))
	}
	for _, bd := range objs(in, "BlockDeviceMappings") {
		if vol := str(obj(bd, "Ebs"), "VolumeId"); vol != "" {
			rels = append(rels, rel(typeVolume, vol, relAttachedVolume))
		}
	}
	return groups, rels
}

// instanceGroups returns an instance's security groups: its
// SecurityGroups, else those of its network interfaces (some emulators
// fill only the latter).
func instanceGroups(in map[string]any) []map[string]any {
	if groups := objs(in, "SecurityGroups"); len(groups) > 0 {
		return groups
	}
	var out []map[string]any
	seen := map[string]bool{}
	for _, eni := range objs(in, "NetworkInterfaces") {
		for _, g := range objs(eni, "Groups") {
			if id := str(g, "GroupId"); !seen[id] {
				seen[id] = true
				out = append(out, g)
			}
		}
	}
	return out
}

func volumeItem(scope tenant.Scope, v map[string]any) *configitem.Item {
	tags := tagPairs(v, "Tags")
	id := str(v, "VolumeId")
	it := ec2Item(scope, typeVolume, "volume", id, "", tags)
	it.AvailabilityZone = str(v, "AvailabilityZone")
	if it.AvailabilityZone == "" {
		it.AvailabilityZone = "Regional"
	}
	it.ResourceCreationTime = timestamp(v, "CreateTime")
	atts := []any{}
	for _, a := range objs(v, "Attachments") {
		atts = append(atts, map[string]any{"instanceId": str(a, "InstanceId"), "device": str(a, "Device"),
			"state": str(a, "State"), "volumeId": id, "deleteOnTermination": boolean(a, "DeleteOnTermination")})
		it.Relationships = append(it.Relationships, rel(typeInstance, str(a, "InstanceId"), relAttachedInstance))
	}
	size, _ := integer(v, "Size")
	cfg := map[string]any{"volumeId": id, "size": size, "volumeType": str(v, "VolumeType"),
		"encrypted": boolean(v, "Encrypted"), "state": str(v, "State"), "availabilityZone": str(v, "AvailabilityZone"),
		"attachments": atts, "tags": tagList(tags)}
	if k := str(v, "KmsKeyId"); k != "" {
		cfg["kmsKeyId"] = k
	}
	it.Configuration = cfg
	return it
}

func flowLogItem(scope tenant.Scope, f map[string]any) *configitem.Item {
	tags := tagPairs(f, "Tags")
	it := ec2Item(scope, typeFlowLog, "vpc-flow-log", str(f, "FlowLogId"), "", tags)
	it.ResourceCreationTime = timestamp(f, "CreationTime")
	it.Configuration = map[string]any{"flowLogId": str(f, "FlowLogId"), "resourceId": str(f, "ResourceId"),
		"trafficType": str(f, "TrafficType"), "logDestinationType": str(f, "LogDestinationType"),
		"logDestination": nullable(f, "LogDestination"), "logGroupName": nullable(f, "LogGroupName"),
		"flowLogStatus": str(f, "FlowLogStatus"), "deliverLogsStatus": str(f, "DeliverLogsStatus"),
		"tags": tagList(tags)}
	return it
}
