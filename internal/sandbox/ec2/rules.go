package ec2

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// RuleChange is the input of Authorize and Revoke: the group (by id, or
// by name in the default VPC), the direction and the rules.
type RuleChange struct {
	GroupID   string
	GroupName string
	Egress    bool
	// Permissions name rules by their properties.
	Permissions []Permission
	// RuleIDs name rules by id (Revoke only).
	RuleIDs []string
	// TagSpecs tag the new rules (Authorize only).
	TagSpecs []TagSpec
}

// GroupRule is a rule with the group that holds it.
type GroupRule struct {
	Rule
	GroupID string
	OwnerID string
	Egress  bool
}

// rules returns the rule list of a direction.
func (g *SecurityGroup) rules(egress bool) *[]Rule {
	if egress {
		return &g.Egress
	}
	return &g.Ingress
}

// Authorize adds rules to a group and returns them with their new ids.
func (s *Service) Authorize(ctx context.Context, scope tenant.Scope, p RuleChange) ([]GroupRule, error) {
	rules, err := expand(p.Permissions)
	if err != nil {
		return nil, err
	}
	tags, err := tagsFor(p.TagSpecs, "security-group-rule", "security-group-rule")
	if err != nil {
		return nil, err
	}
	var added []GroupRule
	err = s.update(ctx, scope, func(t *txn) error {
		g, err := t.group(p.GroupID, p.GroupName)
		if err != nil {
			return err
		}
		if err := t.resolvePeers(g, rules, true); err != nil {
			return err
		}
		list := g.rules(p.Egress)
		if err := checkNew(*list, rules); err != nil {
			return err
		}
		for _, r := range rules {
			r.ID, r.Tags = kindRule.newID(), slices.Clone(tags)
			*list = append(*list, r)
			added = append(added, GroupRule{Rule: r, GroupID: g.ID, OwnerID: g.OwnerID, Egress: p.Egress})
		}
		return t.putGroup(g, configitem.StatusOK)
	})
	return added, err
}

// checkNew fails when the new rules repeat one another or a rule the
// group has, or when they would pass the group's limit.
func checkNew(have, add []Rule) error {
	seen := map[string]bool{}
	for i := range add {
		id := add[i].identity()
		if seen[id] {
			return Error(CodeInvalidParameterValue, "The same permission must not appear multiple times")
		}
		seen[id] = true
	}
	for i := range have {
		if seen[have[i].identity()] {
			return Error(CodeInvalidPermissionDuplicate, "the specified rule \"%s\" already exists", have[i].describe())
		}
	}
	if len(have)+len(add) > MaxRulesPerDirection {
		return Error(CodeRulesPerGroupLimitExceeded, "The maximum number of rules per security group has been reached.")
	}
	return nil
}

// resolvePeers fills the group peers of rules (ids from names, the owner)
// and, when strict, checks that peer groups and prefix lists exist.
func (t *txn) resolvePeers(g *SecurityGroup, rules []Rule, strict bool) error {
	for i := range rules {
		r := &rules[i]
		if r.PrefixListID != "" && strict {
			if _, err := t.prefixList(r.PrefixListID); err != nil {
				return err
			}
		}
		if r.Group == nil {
			continue
		}
		if err := t.resolvePair(g, r.Group, strict); err != nil {
			return err
		}
	}
	return nil
}

// resolvePair completes one group peer. Groups of other accounts are
// taken on trust.
func (t *txn) resolvePair(g *SecurityGroup, pair *GroupPair, strict bool) error {
	if pair.UserID == "" {
		pair.UserID = t.scope.AccountID
	}
	if pair.UserID != t.scope.AccountID {
		return nil
	}
	var peer *SecurityGroup
	var err error
	if pair.GroupID != "" {
		peer, err = get[SecurityGroup](t, kindGroup, pair.GroupID)
	} else {
		peer, err = t.groupByName(g.VPCID, pair.GroupName)
		if err == nil && peer == nil {
			err = Error(kindGroup.notFound, "The security group '%s' does not exist", pair.GroupName)
		}
	}
	if err != nil {
		if !strict && awserr.Is(err, kindGroup.notFound) {
			return nil
		}
		return err
	}
	pair.GroupID, pair.VPCID = peer.ID, peer.VPCID
	if g.VPCID != peer.VPCID {
		pair.GroupName = ""
	}
	return nil
}

// RevokeResult is what Revoke removed and what it did not find.
type RevokeResult struct {
	Revoked []GroupRule
	// Unknown are the requested rules the group does not have (only a
	// group of the default VPC answers them; others fail instead).
	Unknown []Permission
}

// Revoke removes rules from a group, named by properties or by ids.
func (s *Service) Revoke(ctx context.Context, scope tenant.Scope, p RuleChange) (RevokeResult, error) {
	rules, err := expand(p.Permissions)
	if err != nil {
		return RevokeResult{}, err
	}
	for _, id := range p.RuleIDs {
		if err := kindRule.check(id); err != nil {
			return RevokeResult{}, err
		}
	}
	var res RevokeResult
	err = s.update(ctx, scope, func(t *txn) error {
		g, err := t.group(p.GroupID, p.GroupName)
		if err != nil {
			return err
		}
		if err := t.resolvePeers(g, rules, false); err != nil {
			return err
		}
		if res, err = t.revoke(g, p.Egress, rules, p.RuleIDs); err != nil || len(res.Revoked) == 0 {
			return err
		}
		return t.putGroup(g, configitem.StatusOK)
	})
	return res, err
}

// revoke removes the matching rules from g's list.
func (t *txn) revoke(g *SecurityGroup, egress bool, rules []Rule, ids []string) (RevokeResult, error) {
	list := g.rules(egress)
	var res RevokeResult
	var unknown []Rule
	take := func(match func(*Rule) bool) bool {
		i := slices.IndexFunc(*list, func(r Rule) bool { return match(&r) })
		if i < 0 {
			return false
		}
		res.Revoked = append(res.Revoked, GroupRule{Rule: (*list)[i], GroupID: g.ID, OwnerID: g.OwnerID, Egress: egress})
		*list = slices.Delete(*list, i, i+1)
		return true
	}
	for _, id := range ids {
		if !take(func(r *Rule) bool { return r.ID == id }) {
			return RevokeResult{}, kindRule.missing(id)
		}
	}
	for i := range rules {
		want := rules[i].identity()
		if !take(func(r *Rule) bool { return r.identity() == want }) {
			unknown = append(unknown, rules[i])
		}
	}
	if len(unknown) == 0 {
		return res, nil
	}
	v, err := get[VPC](t, kindVPC, g.VPCID)
	if err != nil && !awserr.Is(err, kindVPC.notFound) {
		return RevokeResult{}, err
	}
	if v == nil || !v.IsDefault {
		return RevokeResult{}, Error(CodeInvalidPermissionNotFound, "The specified rule does not exist in this security group.")
	}
	res.Unknown = GroupRules(unknown)
	return res, nil
}

var ruleFilters = filterSet[GroupRule]{
	tags: func(r *GroupRule) []Tag { return r.Tags },
	fields: map[string]func(*GroupRule) []string{
		"group-id":               func(r *GroupRule) []string { return one(r.GroupID) },
		"security-group-rule-id": func(r *GroupRule) []string { return one(r.ID) },
	},
}

// DescribeSecurityGroupRules lists rules, by id or all, narrowed by filters.
func (s *Service) DescribeSecurityGroupRules(ctx context.Context, scope tenant.Scope, p DescribeParams) ([]GroupRule, string, error) {
	match, err := ruleFilters.compile(p.Filters)
	if err != nil {
		return nil, "", err
	}
	for _, id := range p.IDs {
		if err := kindRule.check(id); err != nil {
			return nil, "", err
		}
	}
	var out []GroupRule
	err = s.view(ctx, scope, func(t *txn) error {
		rules, err := t.allRules()
		if err != nil {
			return err
		}
		out, err = pickRules(rules, p.IDs, match)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(r GroupRule) string { return r.ID }, "ec2-security-group-rules", p.Page)
}

// pickRules keeps the rules named by ids (all when none) that match.
func pickRules(rules []GroupRule, ids []string, match func(*GroupRule) bool) ([]GroupRule, error) {
	for _, id := range ids {
		if !slices.ContainsFunc(rules, func(r GroupRule) bool { return r.ID == id }) {
			return nil, kindRule.missing(id)
		}
	}
	var out []GroupRule
	for _, r := range rules {
		if (len(ids) == 0 || slices.Contains(ids, r.ID)) && match(&r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// allRules lists the rules of every group in the scope.
func (t *txn) allRules() ([]GroupRule, error) {
	groups, err := all[SecurityGroup](t, kindGroup)
	if err != nil {
		return nil, err
	}
	var out []GroupRule
	for _, g := range groups {
		for _, r := range g.Ingress {
			out = append(out, GroupRule{Rule: r, GroupID: g.ID, OwnerID: g.OwnerID})
		}
		for _, r := range g.Egress {
			out = append(out, GroupRule{Rule: r, GroupID: g.ID, OwnerID: g.OwnerID, Egress: true})
		}
	}
	return out, nil
}

// ruleTags lists the tags of every rule (for DescribeTags).
func (t *txn) ruleTags() ([]TagDescription, error) {
	rules, err := t.allRules()
	if err != nil {
		return nil, err
	}
	var out []TagDescription
	for _, r := range rules {
		for _, tg := range r.Tags {
			out = append(out, TagDescription{ResourceID: r.ID, ResourceType: kindRule.tagType, Key: tg.Key, Value: tg.Value})
		}
	}
	return out, nil
}

// retagRule changes the tags of the rule with id, wherever it is.
func (t *txn) retagRule(id string, fn func([]Tag) ([]Tag, error)) error {
	if err := kindRule.check(id); err != nil {
		return err
	}
	groups, err := all[SecurityGroup](t, kindGroup)
	if err != nil {
		return err
	}
	for _, g := range groups {
		for _, list := range []*[]Rule{&g.Ingress, &g.Egress} {
			i := slices.IndexFunc(*list, func(r Rule) bool { return r.ID == id })
			if i < 0 {
				continue
			}
			if (*list)[i].Tags, err = fn((*list)[i].Tags); err != nil {
				return err
			}
			return put(t, kindGroup, g.ID, g)
		}
	}
	return kindRule.missing(id)
}
