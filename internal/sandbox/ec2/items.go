package ec2

import (
	"time"

	"github.com/salvehq/salve/internal/configitem"
)

// Relationship names of EC2 configuration items.
const (
	relContainedInVPC    = "Is contained in Vpc"
	relContainedInSubnet = "Is contained in Subnet"
	relAssociatedGroup   = "Is associated with SecurityGroup"
	relAttachedVolume    = "Is attached to Volume"
	relAttachedInstance  = "Is attached to Instance"
)

// arn returns the ARN of a resource of kind k.
func (t *txn) arn(k *kind, id string) string {
	return t.scope.ARN("ec2", k.tagType+"/"+id)
}

// baseItem fills the members every item of a resource carries.
func (t *txn) baseItem(k *kind, id, name, zone string, created time.Time, tags []Tag) *configitem.Item {
	if zone == "" {
		zone = "Regional"
	}
	return &configitem.Item{ResourceType: k.configType, ResourceID: id, ResourceName: name,
		ARN: t.arn(k, id), AvailabilityZone: zone, ResourceCreationTime: created,
		CaptureTime: t.now, Tags: tagMap(tags)}
}

// recordItem reports a resource's current configuration with status
// (configitem.StatusResourceDiscovered or StatusOK); a nil item (a
// resource whose deletion was recorded) reports nothing.
func (t *txn) recordItem(it *configitem.Item, status string) error {
	if it == nil {
		return nil
	}
	it.Status = status
	return t.record(it)
}

// recordDeleted reports a resource's deletion.
func (t *txn) recordDeleted(k *kind, id, name, zone string, created time.Time) error {
	it := t.baseItem(k, id, name, zone, created, nil)
	it.Status = configitem.StatusResourceDeleted
	return t.record(it)
}

func tagMap(tags []Tag) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	m := make(map[string]string, len(tags))
	for _, tg := range tags {
		m[tg.Key] = tg.Value
	}
	return m
}

func tagList(tags []Tag) []any {
	out := make([]any, 0, len(tags))
	for _, tg := range tags {
		out = append(out, map[string]any{"key": tg.Key, "value": tg.Value})
	}
	return out
}

func rel(k *kind, id, name string) configitem.Relationship {
	return configitem.Relationship{ResourceType: k.configType, ResourceID: id, Name: name}
}

func (v *VPC) item(t *txn) *configitem.Item {
	it := t.baseItem(kindVPC, v.ID, "", "", v.Created, v.Tags)
	it.Configuration = map[string]any{"vpcId": v.ID, "cidrBlock": v.CIDRBlock, "state": v.State,
		"isDefault": v.IsDefault, "dhcpOptionsId": v.DHCPOptionsID, "instanceTenancy": v.InstanceTenancy,
		"ownerId": v.OwnerID, "tags": tagList(v.Tags)}
	return it
}

func (s *Subnet) item(t *txn) *configitem.Item {
	it := t.baseItem(kindSubnet, s.ID, "", "", s.Created, s.Tags)
	it.Configuration = map[string]any{"subnetId": s.ID, "vpcId": s.VPCID, "cidrBlock": s.CIDRBlock,
		"availabilityZone": s.AvailabilityZone, "mapPublicIpOnLaunch": s.MapPublicIPOnLaunch,
		"defaultForAz": s.DefaultForAZ, "state": s.State, "tags": tagList(s.Tags)}
	it.Relationships = []configitem.Relationship{rel(kindVPC, s.VPCID, relContainedInVPC)}
	return it
}

func (g *SecurityGroup) item(t *txn) *configitem.Item {
	it := t.baseItem(kindGroup, g.ID, g.Name, "", g.Created, g.Tags)
	it.Configuration = map[string]any{"groupId": g.ID, "groupName": g.Name, "description": g.Description,
		"vpcId": g.VPCID, "ownerId": g.OwnerID, "ipPermissions": permissionItems(GroupRules(g.Ingress)),
		"ipPermissionsEgress": permissionItems(GroupRules(g.Egress)), "tags": tagList(g.Tags)}
	it.Relationships = []configitem.Relationship{rel(kindVPC, g.VPCID, relContainedInVPC)}
	return it
}

// permissionItems renders permissions as AWS Config records them.
func permissionItems(perms []Permission) []any {
	out := make([]any, 0, len(perms))
	for _, p := range perms {
		m := map[string]any{"ipProtocol": p.Protocol}
		if p.FromPort != nil {
			m["fromPort"] = int(*p.FromPort)
			m["toPort"] = int(*p.ToPort)
		}
		v4, cidrs := []any{}, []any{}
		for _, r := range p.IPv4Ranges {
			v4 = append(v4, map[string]any{"cidrIp": r.CIDR, "description": nullable(r.Description)})
			cidrs = append(cidrs, r.CIDR)
		}
		v6 := []any{}
		for _, r := range p.IPv6Ranges {
			v6 = append(v6, map[string]any{"cidrIpv6": r.CIDR, "description": nullable(r.Description)})
		}
		pls := []any{}
		for _, pl := range p.PrefixLists {
			pls = append(pls, map[string]any{"prefixListId": pl.ID, "description": nullable(pl.Description)})
		}
		pairs := []any{}
		for _, g := range p.Groups {
			pairs = append(pairs, map[string]any{"groupId": g.GroupID, "userId": g.UserID})
		}
		m["ipv4Ranges"], m["ipRanges"], m["ipv6Ranges"] = v4, cidrs, v6
		m["prefixListIds"], m["userIdGroupPairs"] = pls, pairs
		out = append(out, m)
	}
	return out
}

// nullable is s, or nil when s is empty (AWS Config records null).
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// item is nil for a terminated instance: its deletion was recorded.
func (in *Instance) item(t *txn) *configitem.Item {
	if in.State == StateTerminated {
		return nil
	}
	it := t.baseItem(kindInstance, in.ID, "", in.AvailabilityZone, in.LaunchTime, in.Tags)
	groups := make([]any, 0, len(in.SecurityGroups))
	rels := []configitem.Relationship{rel(kindVPC, in.VPCID, relContainedInVPC),
		rel(kindSubnet, in.SubnetID, relContainedInSubnet)}
	for _, g := range in.SecurityGroups {
		groups = append(groups, map[string]any{"groupId": g.ID, "groupName": g.Name})
		rels = append(rels, rel(kindGroup, g.ID, relAssociatedGroup))
	}
	for _, bd := range in.BlockDevices {
		rels = append(rels, rel(kindVolume, bd.VolumeID, relAttachedVolume))
	}
	cfg := map[string]any{"instanceId": in.ID, "imageId": in.ImageID, "instanceType": in.InstanceType,
		"state":      map[string]any{"code": int(StateCode(in.State)), "name": in.State},
		"launchTime": in.LaunchTime.Format(time.RFC3339), "subnetId": in.SubnetID, "vpcId": in.VPCID,
		"privateIpAddress": in.PrivateIP, "securityGroups": groups,
		"stateTransitionReason": in.StateTransitionReason, "tags": tagList(in.Tags),
		"metadataOptions": map[string]any{"httpTokens": in.Metadata.HTTPTokens,
			"httpEndpoint": in.Metadata.HTTPEndpoint, "httpPutResponseHopLimit": int(in.Metadata.HopLimit)}}
	if in.PublicIP != "" {
		cfg["publicIpAddress"] = in.PublicIP
	}
	it.Configuration, it.Relationships = cfg, rels
	return it
}

func (v *Volume) item(t *txn) *configitem.Item {
	it := t.baseItem(kindVolume, v.ID, "", v.AvailabilityZone, v.Created, v.Tags)
	atts := []any{}
	if a := v.Attachment; a != nil {
		atts = append(atts, map[string]any{"instanceId": a.InstanceID, "device": a.Device,
			"state": "attached", "volumeId": v.ID, "deleteOnTermination": a.DeleteOnTermination})
		it.Relationships = []configitem.Relationship{rel(kindInstance, a.InstanceID, relAttachedInstance)}
	}
	cfg := map[string]any{"volumeId": v.ID, "size": int(v.Size), "volumeType": v.VolumeType,
		"encrypted": v.Encrypted, "state": v.State, "availabilityZone": v.AvailabilityZone,
		"attachments": atts, "tags": tagList(v.Tags)}
	if v.KMSKeyID != "" {
		cfg["kmsKeyId"] = v.KMSKeyID
	}
	it.Configuration = cfg
	return it
}

func (f *FlowLog) item(t *txn) *configitem.Item {
	it := t.baseItem(kindFlowLog, f.ID, "", "", f.Created, f.Tags)
	it.Configuration = map[string]any{"flowLogId": f.ID, "resourceId": f.ResourceID,
		"trafficType": f.TrafficType, "logDestinationType": f.LogDestinationType,
		"logDestination": nullable(f.LogDestination), "logGroupName": nullable(f.LogGroupName),
		"flowLogStatus": "ACTIVE", "deliverLogsStatus": "SUCCESS", "tags": tagList(f.Tags)}
	return it
}
