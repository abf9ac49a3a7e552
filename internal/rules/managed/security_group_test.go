package managed

import (
	"strings"
	"testing"

	"github.com/salvehq/salve/internal/configitem"
)

// securityGroup builds an AWS::EC2::SecurityGroup item with the given
// inbound and outbound permissions.
func securityGroup(t *testing.T, name string, in, out []any) *configitem.Item {
	t.Helper()
	return roundTrip(t, configitem.Item{
		ResourceType: securityGroupType, ResourceID: "sg-0123", ResourceName: name, Status: configitem.StatusOK,
		Configuration: map[string]any{"groupId": "sg-0123", "groupName": name, "vpcId": "vpc-1",
			"ipPermissions": in, "ipPermissionsEgress": out},
	})
}

// tcp is an inbound TCP rule over a port range from the given CIDRs
// (IPv6 ones go to ipv6Ranges).
func tcp(from, to int, cidrs ...string) map[string]any {
	return perm("tcp", from, to, cidrs...)
}

func perm(protocol string, from, to int, cidrs ...string) map[string]any {
	var v4, v6, plain []any
	for _, c := range cidrs {
		if strings.Contains(c, ":") {
			v6 = append(v6, map[string]any{"cidrIpv6": c})
			continue
		}
		v4 = append(v4, map[string]any{"cidrIp": c})
		plain = append(plain, c)
	}
	p := map[string]any{"ipProtocol": protocol, "ipv4Ranges": v4, "ipRanges": plain, "ipv6Ranges": v6,
		"prefixListIds": []any{}, "userIdGroupPairs": []any{}}
	if protocol != "-1" {
		p["fromPort"], p["toPort"] = from, to
	}
	return p
}

func groupPair() map[string]any {
	return map[string]any{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "ipv4Ranges": []any{}, "ipRanges": []any{},
		"ipv6Ranges": []any{}, "userIdGroupPairs": []any{map[string]any{"groupId": "sg-other"}}}
}

func TestIncomingSSHDisabled(t *testing.T) {
	t.Parallel()
	runItemCases(t, "INCOMING_SSH_DISABLED", []itemCase{
		{name: "NoRules", item: securityGroup(t, "web", nil, nil), want: Compliant},
		{name: "SSHFromOffice", item: securityGroup(t, "web", []any{tcp(22, 22, "203.0.113.0/24")}, nil), want: Compliant},
		{name: "SSHFromAnywhere", item: securityGroup(t, "web", []any{tcp(22, 22, "0.0.0.0/0")}, nil), want: NonCompliant, annotation: "open to 0.0.0.0/0"},
		{name: "SSHFromAnywhereIPv6", item: securityGroup(t, "web", []any{tcp(22, 22, "::/0")}, nil), want: NonCompliant, annotation: "::/0"},
		{name: "RangeIncluding22", item: securityGroup(t, "web", []any{tcp(0, 1024, "0.0.0.0/0")}, nil), want: NonCompliant},
		{name: "AllTraffic", item: securityGroup(t, "web", []any{perm("-1", 0, 0, "0.0.0.0/0")}, nil), want: NonCompliant},
		{name: "HTTPSFromAnywhere", item: securityGroup(t, "web", []any{tcp(443, 443, "0.0.0.0/0")}, nil), want: Compliant},
		{name: "UDP22FromAnywhere", item: securityGroup(t, "web", []any{perm("udp", 22, 22, "0.0.0.0/0")}, nil), want: Compliant},
		{name: "OnlyEgressOpen", item: securityGroup(t, "web", nil, []any{perm("-1", 0, 0, "0.0.0.0/0")}), want: Compliant},
		{name: "GroupReference", item: securityGroup(t, "web", []any{groupPair()}, nil), want: Compliant},
		{name: "HalfTheInternet", item: securityGroup(t, "web", []any{tcp(22, 22, "0.0.0.0/1")}, nil), want: Compliant},
	})
}

func TestRestrictedIncomingTraffic(t *testing.T) {
	t.Parallel()
	runItemCases(t, "RESTRICTED_INCOMING_TRAFFIC", []itemCase{
		{name: "NoRules", item: securityGroup(t, "db", nil, nil), want: Compliant},
		{name: "RDPFromAnywhere", item: securityGroup(t, "db", []any{tcp(3389, 3389, "0.0.0.0/0")}, nil), want: NonCompliant, annotation: "3389 (from 0.0.0.0/0)"},
		{name: "MySQLFromAnywhereIPv6", item: securityGroup(t, "db", []any{tcp(3306, 3306, "::/0")}, nil), want: NonCompliant, annotation: "3306"},
		{name: "FTPRange", item: securityGroup(t, "db", []any{tcp(20, 21, "0.0.0.0/0")}, nil), want: NonCompliant, annotation: "20 (from 0.0.0.0/0) and 21 (from 0.0.0.0/0)"},
		{name: "MySQLFromVPC", item: securityGroup(t, "db", []any{tcp(3306, 3306, "10.0.0.0/16")}, nil), want: Compliant},
		{name: "SSHIsNotADefault", item: securityGroup(t, "db", []any{tcp(22, 22, "0.0.0.0/0")}, nil), want: Compliant},
		{name: "AllTraffic", item: securityGroup(t, "db", []any{perm("-1", 0, 0, "0.0.0.0/0")}, nil), want: NonCompliant},
		{name: "CustomPort", params: `{"blockedPort1":"8080"}`, item: securityGroup(t, "db", []any{tcp(8080, 8080, "0.0.0.0/0")}, nil), want: NonCompliant, annotation: "8080"},
		{name: "CustomPortReplacesDefault", params: `{"blockedPort1":"8080"}`, item: securityGroup(t, "db", []any{tcp(20, 20, "0.0.0.0/0")}, nil), want: Compliant},
		{name: "BlockedPortsCSV", params: `{"blockedPorts":"22, 9200,junk"}`, item: securityGroup(t, "db", []any{tcp(9200, 9200, "0.0.0.0/0")}, nil), want: NonCompliant, annotation: "9200"},
		{name: "UDPIsNotTCP", item: securityGroup(t, "db", []any{perm("udp", 3389, 3389, "0.0.0.0/0")}, nil), want: Compliant},
	})
}

func TestVPCDefaultSecurityGroupClosed(t *testing.T) {
	t.Parallel()
	runItemCases(t, "VPC_DEFAULT_SECURITY_GROUP_CLOSED", []itemCase{
		{name: "DefaultClosed", item: securityGroup(t, "default", []any{}, []any{}), want: Compliant},
		{name: "DefaultWithIngress", item: securityGroup(t, "default", []any{groupPair()}, nil), want: NonCompliant, annotation: "1 inbound and 0 outbound"},
		{name: "DefaultWithEgress", item: securityGroup(t, "default", nil, []any{perm("-1", 0, 0, "0.0.0.0/0")}), want: NonCompliant, annotation: "0 inbound and 1 outbound"},
		{name: "OtherGroup", item: securityGroup(t, "web", []any{tcp(22, 22, "0.0.0.0/0")}, nil), want: NotApplicable},
	})
}
