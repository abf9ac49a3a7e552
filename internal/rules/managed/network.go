package managed

import (
	"net/netip"
	"strings"
)

// ipPermission is one security-group rule as a configuration item records
// it (see AWS::EC2::SecurityGroup in docs/CONFIGURATION_ITEMS.md).
type ipPermission struct {
	Protocol string
	// AllPorts is set when the rule has no port range (protocol -1).
	AllPorts         bool
	FromPort, ToPort int
	V4, V6           []string
}

// ipPermissions reads an ipPermissions or ipPermissionsEgress list.
func ipPermissions(v any) []ipPermission {
	var out []ipPermission
	for _, e := range list(v) {
		m := obj(e)
		p := ipPermission{Protocol: strings.ToLower(text(m["ipProtocol"]))}
		from, okFrom := number(m["fromPort"])
		to, okTo := number(m["toPort"])
		p.FromPort, p.ToPort = int(from), int(to)
		p.AllPorts = p.Protocol == "-1" || !okFrom || !okTo || (from == -1 && to == -1)
		p.V4 = v4Ranges(m)
		for _, r := range list(m["ipv6Ranges"]) {
			p.V6 = append(p.V6, str(obj(r)["cidrIpv6"]))
		}
		out = append(out, p)
	}
	return out
}

// v4Ranges reads ipv4Ranges ({cidrIp}), falling back to ipRanges (plain
// strings or {cidrIp} objects).
func v4Ranges(m map[string]any) []string {
	var out []string
	for _, r := range list(m["ipv4Ranges"]) {
		out = append(out, str(obj(r)["cidrIp"]))
	}
	if len(out) > 0 {
		return out
	}
	for _, r := range list(m["ipRanges"]) {
		if s, ok := r.(string); ok {
			out = append(out, s)
		} else {
			out = append(out, str(obj(r)["cidrIp"]))
		}
	}
	return out
}

// opensTCP reports whether the rule admits TCP traffic to port.
func (p ipPermission) opensTCP(port int) bool {
	if p.Protocol != "tcp" && p.Protocol != "6" && p.Protocol != "-1" {
		return false
	}
	return p.AllPorts || (p.FromPort <= port && port <= p.ToPort)
}

// worldSource returns the rule's source range that covers every IPv4 or
// every IPv6 address (0.0.0.0/0 or ::/0), if any.
func (p ipPermission) worldSource() (string, bool) {
	for _, c := range append(append([]string(nil), p.V4...), p.V6...) {
		if coversAll(c) {
			return c, true
		}
	}
	return "", false
}

// coversAll reports whether cidr covers the whole IPv4 or IPv6 address
// space: a prefix length of 0.
func coversAll(cidr string) bool {
	prefix, err := netip.ParsePrefix(strings.TrimSpace(cidr))
	return err == nil && prefix.Bits() == 0
}
