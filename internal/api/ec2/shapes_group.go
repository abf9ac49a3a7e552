package ec2

import (
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/tenant"
)

// ipPermissionIn is one IpPermissions.N of a request.
type ipPermissionIn struct {
	IPProtocol    string           `ec2:"IpProtocol"`
	FromPort      *int32           `ec2:"FromPort"`
	ToPort        *int32           `ec2:"ToPort"`
	Groups        []pairIn         `ec2:"Groups"`
	IPRanges      []rangeIn        `ec2:"IpRanges"`
	IPv6Ranges    []rangeV6In      `ec2:"Ipv6Ranges"`
	PrefixListIDs []prefixListIDIn `ec2:"PrefixListIds"`
}

type pairIn struct {
	Description string   `ec2:"Description"`
	UserID      string   `ec2:"UserId"`
	GroupName   string   `ec2:"GroupName"`
	GroupID     string   `ec2:"GroupId"`
	_           struct{} `ignore:"VpcId,VpcPeeringConnectionId,PeeringStatus"`
}

type rangeIn struct {
	CidrIP      string `ec2:"CidrIp"`
	Description string `ec2:"Description"`
}

type rangeV6In struct {
	CidrIPv6    string `ec2:"CidrIpv6"`
	Description string `ec2:"Description"`
}

type prefixListIDIn struct {
	PrefixListID string `ec2:"PrefixListId"`
	Description  string `ec2:"Description"`
}

// permission converts one IpPermissions.N.
func (p *ipPermissionIn) permission() sandbox.Permission {
	out := sandbox.Permission{Protocol: p.IPProtocol, FromPort: p.FromPort, ToPort: p.ToPort}
	for _, r := range p.IPRanges {
		out.IPv4Ranges = append(out.IPv4Ranges, sandbox.Range{CIDR: r.CidrIP, Description: r.Description})
	}
	for _, r := range p.IPv6Ranges {
		out.IPv6Ranges = append(out.IPv6Ranges, sandbox.Range{CIDR: r.CidrIPv6, Description: r.Description})
	}
	for _, pl := range p.PrefixListIDs {
		out.PrefixLists = append(out.PrefixLists, sandbox.PrefixListRef{ID: pl.PrefixListID, Description: pl.Description})
	}
	for _, g := range p.Groups {
		out.Groups = append(out.Groups, sandbox.GroupPair{GroupID: g.GroupID, GroupName: g.GroupName,
			UserID: g.UserID, Description: g.Description})
	}
	return out
}

type securityGroupXML struct {
	OwnerID     string         `xml:"ownerId"`
	GroupID     string         `xml:"groupId"`
	GroupName   string         `xml:"groupName"`
	Description string         `xml:"groupDescription"`
	VpcID       string         `xml:"vpcId"`
	ARN         string         `xml:"securityGroupArn"`
	Ingress     set[ipPermXML] `xml:"ipPermissions"`
	Egress      set[ipPermXML] `xml:"ipPermissionsEgress"`
	Tags        *set[tagXML]   `xml:"tagSet,omitempty"`
}

type ipPermXML struct {
	IPProtocol    string             `xml:"ipProtocol"`
	FromPort      *int32             `xml:"fromPort,omitempty"`
	ToPort        *int32             `xml:"toPort,omitempty"`
	Groups        set[pairXML]       `xml:"groups"`
	IPRanges      set[rangeXML]      `xml:"ipRanges"`
	IPv6Ranges    set[rangeV6XML]    `xml:"ipv6Ranges"`
	PrefixListIDs set[prefixListXML] `xml:"prefixListIds"`
}

type pairXML struct {
	UserID      string `xml:"userId"`
	GroupID     string `xml:"groupId"`
	GroupName   string `xml:"groupName,omitempty"`
	VpcID       string `xml:"vpcId,omitempty"`
	Description string `xml:"description,omitempty"`
}

type rangeXML struct {
	CidrIP      string `xml:"cidrIp"`
	Description string `xml:"description,omitempty"`
}

type rangeV6XML struct {
	CidrIPv6    string `xml:"cidrIpv6"`
	Description string `xml:"description,omitempty"`
}

type prefixListXML struct {
	PrefixListID string `xml:"prefixListId"`
	Description  string `xml:"description,omitempty"`
}

func groupOut(scope tenant.Scope, g *sandbox.SecurityGroup) securityGroupXML {
	return securityGroupXML{OwnerID: g.OwnerID, GroupID: g.ID, GroupName: g.Name, Description: g.Description,
		VpcID: g.VPCID, ARN: scope.ARN("ec2", "security-group/"+g.ID),
		Ingress: permissionsOut(sandbox.GroupRules(g.Ingress)), Egress: permissionsOut(sandbox.GroupRules(g.Egress)),
		Tags: tagSet(g.Tags)}
}

func permissionsOut(perms []sandbox.Permission) set[ipPermXML] {
	return mapSet(perms, func(p sandbox.Permission) ipPermXML {
		return ipPermXML{IPProtocol: p.Protocol, FromPort: p.FromPort, ToPort: p.ToPort,
			Groups: mapSet(p.Groups, func(g sandbox.GroupPair) pairXML {
				return pairXML{UserID: g.UserID, GroupID: g.GroupID, GroupName: g.GroupName, Description: g.Description}
			}),
			IPRanges:   mapSet(p.IPv4Ranges, func(r sandbox.Range) rangeXML { return rangeXML{r.CIDR, r.Description} }),
			IPv6Ranges: mapSet(p.IPv6Ranges, func(r sandbox.Range) rangeV6XML { return rangeV6XML{r.CIDR, r.Description} }),
			PrefixListIDs: mapSet(p.PrefixLists, func(pl sandbox.PrefixListRef) prefixListXML {
				return prefixListXML{pl.ID, pl.Description}
			})}
	})
}

// ruleXML is a SecurityGroupRule.
type ruleXML struct {
	ID           string        `xml:"securityGroupRuleId"`
	GroupID      string        `xml:"groupId"`
	GroupOwnerID string        `xml:"groupOwnerId"`
	IsEgress     bool          `xml:"isEgress"`
	IPProtocol   string        `xml:"ipProtocol"`
	FromPort     int32         `xml:"fromPort"`
	ToPort       int32         `xml:"toPort"`
	CidrIPv4     string        `xml:"cidrIpv4,omitempty"`
	CidrIPv6     string        `xml:"cidrIpv6,omitempty"`
	PrefixListID string        `xml:"prefixListId,omitempty"`
	Referenced   *referenceXML `xml:"referencedGroupInfo,omitempty"`
	Description  string        `xml:"description,omitempty"`
	Tags         *set[tagXML]  `xml:"tagSet,omitempty"`
	ARN          string        `xml:"securityGroupRuleArn"`
}

type referenceXML struct {
	GroupID string `xml:"groupId"`
	UserID  string `xml:"userId"`
}

// ports returns a rule's ports as the rules API shows them (-1 for none).
func ports(r *sandbox.Rule) (int32, int32) {
	if r.FromPort == nil {
		return -1, -1
	}
	return *r.FromPort, *r.ToPort
}

func ruleOut(scope tenant.Scope, r sandbox.GroupRule) ruleXML {
	from, to := ports(&r.Rule)
	out := ruleXML{ID: r.ID, GroupID: r.GroupID, GroupOwnerID: r.OwnerID, IsEgress: r.Egress, IPProtocol: r.Protocol,
		FromPort: from, ToPort: to, CidrIPv4: r.CIDRIPv4, CidrIPv6: r.CIDRIPv6, PrefixListID: r.PrefixListID,
		Description: r.Description, Tags: tagSet(r.Tags), ARN: scope.ARN("ec2", "security-group-rule/"+r.ID)}
	if r.Group != nil {
		out.Referenced = &referenceXML{GroupID: r.Group.GroupID, UserID: r.Group.UserID}
	}
	return out
}

// revokedRuleXML is a RevokedSecurityGroupRule.
type revokedRuleXML struct {
	ID                string `xml:"securityGroupRuleId"`
	GroupID           string `xml:"groupId"`
	IsEgress          bool   `xml:"isEgress"`
	IPProtocol        string `xml:"ipProtocol"`
	FromPort          int32  `xml:"fromPort"`
	ToPort            int32  `xml:"toPort"`
	CidrIPv4          string `xml:"cidrIpv4,omitempty"`
	CidrIPv6          string `xml:"cidrIpv6,omitempty"`
	PrefixListID      string `xml:"prefixListId,omitempty"`
	ReferencedGroupID string `xml:"referencedGroupId,omitempty"`
	Description       string `xml:"description,omitempty"`
}

func revokedOut(r sandbox.GroupRule) revokedRuleXML {
	from, to := ports(&r.Rule)
	out := revokedRuleXML{ID: r.ID, GroupID: r.GroupID, IsEgress: r.Egress, IPProtocol: r.Protocol, FromPort: from,
		ToPort: to, CidrIPv4: r.CIDRIPv4, CidrIPv6: r.CIDRIPv6, PrefixListID: r.PrefixListID, Description: r.Description}
	if r.Group != nil {
		out.ReferencedGroupID = r.Group.GroupID
	}
	return out
}
