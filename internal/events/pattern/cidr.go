package pattern

import (
	"net/netip"
	"strconv"
	"strings"
)

// parseIP parses an IPv4 or IPv6 literal (IPv4-mapped IPv6 counts as IPv4).
func parseIP(s string) (netip.Addr, bool) {
	if !looksLikeIP(s) {
		return netip.Addr{}, false
	}
	ip, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap(), true
}

// looksLikeIP is what EventBridge takes for an IP address literal before
// parsing it: four dot-separated runs of digits, or hex digits and colons
// with at least one colon.
func looksLikeIP(s string) bool {
	if strings.IndexByte(s, ':') >= 0 {
		return strings.Trim(s, "0123456789abcdefABCDEF:") == ""
	}
	dots, run := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			run++
		case c == '.' && run > 0:
			dots, run = dots+1, 0
		default:
			return false
		}
	}
	return dots == 3 && run > 0
}

func sameIP(s string, ip netip.Addr) bool {
	got, ok := parseIP(s)
	return ok && got == ip
}

// parseCIDR returns the range a "cidr" operand covers — from the address as
// written to the address with every host bit set, as EventBridge computes it
// — or EventBridge's reason for refusing it.
func parseCIDR(text string) (lo, hi netip.Addr, reason string) {
	parts := strings.Split(text, "/")
	if len(parts) != 2 {
		return lo, hi, "Malformed CIDR, one '/' required"
	}
	bits, err := strconv.Atoi(parts[1])
	if err != nil {
		return lo, hi, "Malformed CIDR, mask bits must be an integer"
	}
	if bits < 0 {
		return lo, hi, "Malformed CIDR, mask bits must not be negative"
	}
	if !looksLikeIP(parts[0]) {
		return lo, hi, "Nonstandard IP address: " + parts[0]
	}
	ip, ok := parseIP(parts[0])
	if !ok {
		return lo, hi, "Invalid IP address: " + parts[0]
	}
	if ip.Is4() && bits > 31 {
		return lo, hi, "IPv4 mask bits must be < 32"
	}
	if ip.Is6() && bits > 127 {
		return lo, hi, "IPv6 mask bits must be < 128"
	}
	return ip, lastAddr(ip, bits), ""
}

// lastAddr sets every bit of ip after the first bits.
func lastAddr(ip netip.Addr, bits int) netip.Addr {
	b := ip.AsSlice()
	for i := range b {
		switch {
		case bits >= 8:
			bits -= 8
		case bits <= 0:
			b[i] = 0xff
		default:
			b[i] |= 0xff >> bits
			bits = 0
		}
	}
	out, _ := netip.AddrFromSlice(b)
	return out
}

// inCIDR reports whether s is an address of lo's family within [lo, hi].
func inCIDR(s string, lo, hi netip.Addr) bool {
	ip, ok := parseIP(s)
	return ok && ip.Is4() == lo.Is4() && lo.Compare(ip) <= 0 && ip.Compare(hi) <= 0
}
