package ec2

import "strconv"

// groupFilters are DescribeSecurityGroups' filters: the group's own
// members, and ip-permission.* (ingress) and egress.ip-permission.* over
// its rules.
var groupFilters = filterSet[SecurityGroup]{
	tags:   func(g *SecurityGroup) []Tag { return g.Tags },
	fields: groupFilterFields(),
}

func groupFilterFields() map[string]func(*SecurityGroup) []string {
	fields := map[string]func(*SecurityGroup) []string{
		"group-id":    func(g *SecurityGroup) []string { return one(g.ID) },
		"group-name":  func(g *SecurityGroup) []string { return one(g.Name) },
		"description": func(g *SecurityGroup) []string { return one(g.Description) },
		"vpc-id":      func(g *SecurityGroup) []string { return one(g.VPCID) },
		"owner-id":    func(g *SecurityGroup) []string { return one(g.OwnerID) },
	}
	for name, get := range ruleFields {
		fields["ip-permission."+name] = func(g *SecurityGroup) []string { return ruleValues(g.Ingress, get) }
		fields["egress.ip-permission."+name] = func(g *SecurityGroup) []string { return ruleValues(g.Egress, get) }
	}
	return fields
}

// ruleFields are the per-rule values the ip-permission filters compare.
var ruleFields = map[string]func(*Rule) []string{
	"cidr":           func(r *Rule) []string { return one(r.CIDRIPv4) },
	"ipv6-cidr":      func(r *Rule) []string { return one(r.CIDRIPv6) },
	"prefix-list-id": func(r *Rule) []string { return one(r.PrefixListID) },
	"protocol":       func(r *Rule) []string { return one(r.Protocol) },
	"from-port":      func(r *Rule) []string { return port(r.FromPort) },
	"to-port":        func(r *Rule) []string { return port(r.ToPort) },
	"group-id": func(r *Rule) []string {
		if r.Group == nil {
			return nil
		}
		return one(r.Group.GroupID)
	},
	"group-name": func(r *Rule) []string {
		if r.Group == nil {
			return nil
		}
		return one(r.Group.GroupName)
	},
	"user-id": func(r *Rule) []string {
		if r.Group == nil {
			return nil
		}
		return one(r.Group.UserID)
	},
}

func ruleValues(rules []Rule, get func(*Rule) []string) []string {
	var out []string
	for i := range rules {
		out = append(out, get(&rules[i])...)
	}
	return out
}

func port(p *int32) []string {
	if p == nil {
		return nil
	}
	return []string{strconv.Itoa(int(*p))}
}
