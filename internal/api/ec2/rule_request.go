package ec2

import (
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

// ruleRequest are the members Authorize and Revoke, ingress and egress,
// share: the group and the rules, as IpPermissions or in the older
// single-rule members.
type ruleRequest struct {
	common
	GroupID            string           `ec2:"GroupId"`
	IPPermissions      []ipPermissionIn `ec2:"IpPermissions"`
	IPProtocol         string           `ec2:"IpProtocol"`
	FromPort           *int32           `ec2:"FromPort"`
	ToPort             *int32           `ec2:"ToPort"`
	CidrIP             string           `ec2:"CidrIp"`
	SourceGroupName    string           `ec2:"SourceSecurityGroupName"`
	SourceGroupOwnerID string           `ec2:"SourceSecurityGroupOwnerId"`
}

// legacy reports whether the request uses the single-rule members.
func (r *ruleRequest) legacy() bool {
	return r.IPProtocol != "" || r.FromPort != nil || r.ToPort != nil || r.CidrIP != "" ||
		r.SourceGroupName != "" || r.SourceGroupOwnerID != ""
}

// permissions returns the request's rules as permissions.
func (r *ruleRequest) permissions() ([]sandbox.Permission, error) {
	if !r.legacy() {
		out := make([]sandbox.Permission, 0, len(r.IPPermissions))
		for i := range r.IPPermissions {
			if r.IPPermissions[i].IPProtocol == "" {
				return nil, sandbox.Missing("IpPermissions.N.IpProtocol")
			}
			out = append(out, r.IPPermissions[i].permission())
		}
		return out, nil
	}
	if len(r.IPPermissions) > 0 {
		return nil, sandbox.Error(sandbox.CodeInvalidParameterCombination,
			"The parameter IpPermissions cannot be used with IpProtocol, FromPort, ToPort, CidrIp or SourceSecurityGroupName.")
	}
	p := sandbox.Permission{Protocol: r.IPProtocol, FromPort: r.FromPort, ToPort: r.ToPort}
	if p.Protocol == "" {
		p.Protocol = "-1"
	}
	if r.CidrIP != "" {
		p.IPv4Ranges = []sandbox.Range{{CIDR: r.CidrIP}}
	}
	if r.SourceGroupName != "" {
		p.Groups = []sandbox.GroupPair{{GroupName: r.SourceGroupName, UserID: r.SourceGroupOwnerID}}
	}
	return []sandbox.Permission{p}, nil
}

// groupNamed checks that a request names its group by id or name.
func groupNamed(id, name string) error {
	if id == "" && name == "" {
		return sandbox.Missing("GroupId or GroupName")
	}
	return nil
}

// authorizeOutput answers Authorize.
type authorizeOutput struct {
	Return bool         `xml:"return"`
	Rules  set[ruleXML] `xml:"securityGroupRuleSet"`
}

// revokeOutput answers Revoke.
type revokeOutput struct {
	Return  bool                `xml:"return"`
	Unknown *set[ipPermXML]     `xml:"unknownIpPermissionSet,omitempty"`
	Revoked set[revokedRuleXML] `xml:"revokedSecurityGroupRuleSet"`
}

func revokeOut(res sandbox.RevokeResult) revokeOutput {
	out := revokeOutput{Return: true, Revoked: mapSet(res.Revoked, revokedOut)}
	if len(res.Unknown) > 0 {
		u := permissionsOut(res.Unknown)
		out.Unknown = &u
	}
	return out
}
