package ec2

import (
	"net/netip"
	"strings"
)

// parseCIDR parses an IPv4 (v6 false) or IPv6 CIDR and returns it in
// canonical form (the network address: AWS stores 10.0.0.5/16 as
// 10.0.0.0/16).
func parseCIDR(s string, v6 bool) (netip.Prefix, bool) {
	if !strings.Contains(s, "/") {
		return netip.Prefix{}, false
	}
	p, err := netip.ParsePrefix(s)
	if err != nil || p.Addr().Is6() != v6 || p.Addr().Is4In6() {
		return netip.Prefix{}, false
	}
	return p.Masked(), true
}

// contains reports whether outer holds all of inner.
func contains(outer, inner netip.Prefix) bool {
	return outer.Bits() <= inner.Bits() && outer.Contains(inner.Addr())
}

// hostAddr returns the n-th address of an IPv4 prefix.
func hostAddr(p netip.Prefix, n int) string {
	a := p.Addr().As4()
	v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	v += uint32(n)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String()
}

// size returns the number of addresses of an IPv4 prefix.
func size(p netip.Prefix) int {
	return 1 << (32 - p.Bits())
}

// AvailableIPs is the count DescribeSubnets reports: the subnet's
// addresses less the five AWS reserves and those in use.
func (s *Subnet) AvailableIPs() int32 {
	p, ok := parseCIDR(s.CIDRBlock, false)
	if !ok {
		return 0
	}
	return int32(size(p) - 5 - s.InUse)
}
