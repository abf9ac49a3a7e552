package ec2

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Rule limits, as AWS applies them by default.
const (
	MaxRulesPerDirection = 60
	maxDescriptionLength = 255
)

// descriptionChars are the characters AWS allows in group names (VPC),
// group descriptions and rule descriptions.
var descriptionChars = regexp.MustCompile(`^[a-zA-Z0-9. _\-:/()#,@\[\]+=&;{}!$*]*$`)

// NormalizeProtocol returns a protocol as AWS stores it: names in lower
// case, the numbers of tcp, udp, icmp and icmpv6 as their names, -1 for
// all protocols.
func NormalizeProtocol(p string) (string, error) {
	switch lower := strings.ToLower(p); lower {
	case "tcp", "udp", "icmp", "icmpv6", "-1":
		return lower, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < -1 || n > 255 {
		return "", Error(CodeInvalidParameterValue, "Invalid value '%s' for IP protocol. Unknown protocol.", p)
	}
	switch n {
	case -1:
		return "-1", nil
	case 1:
		return "icmp", nil
	case 6:
		return "tcp", nil
	case 17:
		return "udp", nil
	case 58:
		return "icmpv6", nil
	}
	return strconv.Itoa(n), nil
}

// normalizePorts checks a permission's ports against its protocol and
// returns them as stored (nil for protocols without ports).
func normalizePorts(protocol string, from, to *int32) (*int32, *int32, error) {
	switch protocol {
	case "tcp", "udp":
		if from == nil || to == nil {
			return nil, nil, Error(CodeInvalidParameterValue,
				"Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange")
		}
		if *from < 0 || *to > 65535 || *from > *to {
			return nil, nil, Error(CodeInvalidParameterValue,
				"Invalid port range %d-%d: ports must be 0-65535 and the from port must not exceed the to port.", *from, *to)
		}
		return from, to, nil
	case "icmp", "icmpv6":
		t, c := int32(-1), int32(-1)
		if from != nil {
			t = *from
		}
		if to != nil {
			c = *to
		}
		if t < -1 || t > 255 || c < -1 || c > 255 {
			return nil, nil, Error(CodeInvalidParameterValue, "Invalid value '%d,%d' for ICMP type and code.", t, c)
		}
		return &t, &c, nil
	}
	return nil, nil, nil
}

// checkDescription validates a rule description.
func checkDescription(d string) error {
	if len(d) > maxDescriptionLength || !descriptionChars.MatchString(d) {
		return Error(CodeInvalidParameterValue, "Invalid rule description. Valid descriptions are strings "+
			"less than 256 characters from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*")
	}
	return nil
}

// expand turns permissions into one rule per peer, checking protocols,
// ports, CIDRs and descriptions (not whether referenced groups or prefix
// lists exist). A permission without any peer fails.
func expand(perms []Permission) ([]Rule, error) {
	var out []Rule
	for _, p := range perms {
		proto, err := NormalizeProtocol(p.Protocol)
		if err != nil {
			return nil, err
		}
		from, to, err := normalizePorts(proto, p.FromPort, p.ToPort)
		if err != nil {
			return nil, err
		}
		base := Rule{Protocol: proto, FromPort: from, ToPort: to}
		rules, err := peers(base, p)
		if err != nil {
			return nil, err
		}
		if len(rules) == 0 {
			return nil, Error(CodeMissingParameter,
				"Missing source specification: include source security group or CIDR information")
		}
		out = append(out, rules...)
	}
	return out, nil
}

// peers returns one rule per peer of p, each a copy of base.
func peers(base Rule, p Permission) ([]Rule, error) {
	var out []Rule
	add := func(set func(*Rule) error, desc string) error {
		r := base
		if err := set(&r); err != nil {
			return err
		}
		if err := checkDescription(desc); err != nil {
			return err
		}
		r.Description = desc
		out = append(out, r)
		return nil
	}
	var errs []error
	for _, rg := range p.IPv4Ranges {
		errs = append(errs, add(cidrPeer(rg.CIDR, false), rg.Description))
	}
	for _, rg := range p.IPv6Ranges {
		errs = append(errs, add(cidrPeer(rg.CIDR, true), rg.Description))
	}
	for _, pl := range p.PrefixLists {
		errs = append(errs, add(func(r *Rule) error { r.PrefixListID = pl.ID; return kindPrefixList.check(pl.ID) },
			pl.Description))
	}
	for _, g := range p.Groups {
		errs = append(errs, add(groupPeer(g), g.Description))
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cidrPeer sets an IPv4 or IPv6 range as a rule's peer.
func cidrPeer(cidr string, v6 bool) func(*Rule) error {
	return func(r *Rule) error {
		c, ok := parseCIDR(cidr, v6)
		if !ok {
			return Error(CodeInvalidParameterValue, "CIDR block %s is malformed", cidr)
		}
		if v6 {
			r.CIDRIPv6 = c.String()
		} else {
			r.CIDRIPv4 = c.String()
		}
		return nil
	}
}

// groupPeer sets a security group as a rule's peer.
func groupPeer(g GroupPair) func(*Rule) error {
	return func(r *Rule) error {
		if g.GroupID == "" && g.GroupName == "" {
			return Error(CodeMissingParameter, "Either groupId or groupName must be given for a group peer.")
		}
		if g.GroupID != "" {
			if err := kindGroup.check(g.GroupID); err != nil {
				return err
			}
		}
		pair := g
		pair.Description = ""
		r.Group = &pair
		return nil
	}
}

// identity is what makes two rules the same rule (descriptions and ids
// aside).
func (r *Rule) identity() string {
	ports := "all"
	if r.FromPort != nil {
		ports = fmt.Sprintf("%d-%d", *r.FromPort, *r.ToPort)
	}
	peer := r.CIDRIPv4 + r.CIDRIPv6 + r.PrefixListID
	if r.Group != nil {
		peer = "group:" + r.Group.GroupID
	}
	return r.Protocol + "|" + ports + "|" + peer
}

// describe renders a rule as AWS words it in a duplicate error.
func (r *Rule) describe() string {
	peer := r.CIDRIPv4 + r.CIDRIPv6 + r.PrefixListID
	if r.Group != nil {
		peer = r.Group.GroupID
	}
	proto := strings.ToUpper(r.Protocol)
	if r.Protocol == "-1" {
		proto = "ALL"
	}
	if r.FromPort == nil {
		return fmt.Sprintf("peer: %s, %s, ALLOW", peer, proto)
	}
	return fmt.Sprintf("peer: %s, %s, from port: %d, to port: %d, ALLOW", peer, proto, *r.FromPort, *r.ToPort)
}

// GroupRules groups rules into permissions the way AWS answers them: one
// permission per protocol and port range, in the order first seen.
func GroupRules(rules []Rule) []Permission {
	var out []Permission
	index := map[string]int{}
	for _, r := range rules {
		key := r.Protocol + "|all"
		if r.FromPort != nil {
			key = fmt.Sprintf("%s|%d|%d", r.Protocol, *r.FromPort, *r.ToPort)
		}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, Permission{Protocol: r.Protocol, FromPort: r.FromPort, ToPort: r.ToPort})
		}
		addPeer(&out[i], r)
	}
	return out
}

func addPeer(p *Permission, r Rule) {
	switch {
	case r.CIDRIPv4 != "":
		p.IPv4Ranges = append(p.IPv4Ranges, Range{CIDR: r.CIDRIPv4, Description: r.Description})
	case r.CIDRIPv6 != "":
		p.IPv6Ranges = append(p.IPv6Ranges, Range{CIDR: r.CIDRIPv6, Description: r.Description})
	case r.PrefixListID != "":
		p.PrefixLists = append(p.PrefixLists, PrefixListRef{ID: r.PrefixListID, Description: r.Description})
	case r.Group != nil:
		g := *r.Group
		g.Description = r.Description
		p.Groups = append(p.Groups, g)
	}
}
