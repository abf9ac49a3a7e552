package ec2

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultGroupName is the name of every VPC's default security group.
const DefaultGroupName = "default"

// defaultGroup returns a VPC's default security group: all traffic in from
// members of the group, all traffic out.
func (t *txn) defaultGroup(vpcID string) *SecurityGroup {
	g := &SecurityGroup{ID: kindGroup.newID(), Name: DefaultGroupName, Description: "default VPC security group",
		VPCID: vpcID, OwnerID: t.scope.AccountID, Created: t.now}
	g.Ingress = []Rule{{ID: kindRule.newID(), Protocol: "-1",
		Group: &GroupPair{GroupID: g.ID, UserID: t.scope.AccountID}}}
	g.Egress = []Rule{allOut()}
	return g
}

// allOut is the egress rule every new group starts with.
func allOut() Rule {
	return Rule{ID: kindRule.newID(), Protocol: "-1", CIDRIPv4: "0.0.0.0/0"}
}

// CreateGroupParams are CreateSecurityGroup's inputs.
type CreateGroupParams struct {
	Name        string
	Description string
	// VPCID is the group's VPC; "" means the default VPC.
	VPCID    string
	TagSpecs []TagSpec
}

// CreateSecurityGroup makes a security group that lets all traffic out.
func (s *Service) CreateSecurityGroup(ctx context.Context, scope tenant.Scope, p CreateGroupParams) (*SecurityGroup, error) {
	if err := checkGroupText(p.Name, p.Description); err != nil {
		return nil, err
	}
	tags, err := tagsFor(p.TagSpecs, "security-group", "security-group")
	if err != nil {
		return nil, err
	}
	var g *SecurityGroup
	err = s.update(ctx, scope, func(t *txn) error {
		vpcID, err := t.vpcOrDefault(p.VPCID)
		if err != nil {
			return err
		}
		if found, err := t.groupByName(vpcID, p.Name); err != nil || found != nil {
			if err == nil {
				err = Error(CodeInvalidGroupDuplicate, "The security group '%s' already exists for VPC '%s'", p.Name, vpcID)
			}
			return err
		}
		g = &SecurityGroup{ID: kindGroup.newID(), Name: p.Name, Description: p.Description, VPCID: vpcID,
			OwnerID: scope.AccountID, Egress: []Rule{allOut()}, Created: t.now, Tags: tags}
		return t.putGroup(g, configitem.StatusResourceDiscovered)
	})
	return g, err
}

// checkGroupText validates a new group's name and description.
func checkGroupText(name, description string) error {
	switch {
	case name == DefaultGroupName:
		return Error(CodeInvalidGroupReserved, "The security group 'default' is reserved")
	case strings.HasPrefix(name, "sg-"):
		return Error(CodeInvalidParameterValue, "Group names may not be in the format sg-*")
	case name == "" || len(name) > maxDescriptionLength || !descriptionChars.MatchString(name):
		return InvalidValue("GroupName", name, "Valid names are strings of 1 to 255 characters from the set "+
			"a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*")
	case description == "" || len(description) > maxDescriptionLength || !descriptionChars.MatchString(description):
		return InvalidValue("GroupDescription", description, "Valid descriptions are strings of 1 to 255 "+
			"characters from the set a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*")
	}
	return nil
}

// vpcOrDefault checks a VPC id, or returns the default VPC's when id is "".
func (t *txn) vpcOrDefault(id string) (string, error) {
	if id != "" {
		v, err := get[VPC](t, kindVPC, id)
		if err != nil {
			return "", err
		}
		return v.ID, nil
	}
	v, err := t.defaultVPC()
	if err != nil {
		return "", err
	}
	if v == nil {
		return "", Error(CodeVPCIDNotSpecified, "No default VPC for this user")
	}
	return v.ID, nil
}

// groupByName finds a group by name in a VPC (nil when there is none).
func (t *txn) groupByName(vpcID, name string) (*SecurityGroup, error) {
	groups, err := all[SecurityGroup](t, kindGroup)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		if g.VPCID == vpcID && g.Name == name {
			return g, nil
		}
	}
	return nil, nil
}

// groupInDefaultVPC finds a group by name in the default VPC, where AWS
// still lets requests name groups instead of giving their ids.
func (t *txn) groupInDefaultVPC(name string) (*SecurityGroup, error) {
	v, err := t.defaultVPC()
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, Error(CodeVPCIDNotSpecified, "No default VPC for this user")
	}
	g, err := t.groupByName(v.ID, name)
	if err == nil && g == nil {
		err = Error(kindGroup.notFound, "The security group '%s' does not exist in default VPC '%s'", name, v.ID)
	}
	return g, err
}

// group loads a group by id, or by name in the default VPC.
func (t *txn) group(id, name string) (*SecurityGroup, error) {
	if id != "" {
		return get[SecurityGroup](t, kindGroup, id)
	}
	return t.groupInDefaultVPC(name)
}

// putGroup stores a group and records its item with status.
func (t *txn) putGroup(g *SecurityGroup, status string) error {
	if err := put(t, kindGroup, g.ID, g); err != nil {
		return err
	}
	return t.recordItem(g.item(t), status)
}

// deleteGroup removes a group and records its deletion.
func (t *txn) deleteGroup(g *SecurityGroup) error {
	if err := remove(t, kindGroup, g.ID); err != nil {
		return err
	}
	return t.recordDeleted(kindGroup, g.ID, g.Name, "", g.Created)
}

// DeleteSecurityGroup deletes a group (by id, or by name in the default
// VPC) that no instance uses and no other group's rule names; it returns
// the group's id.
func (s *Service) DeleteSecurityGroup(ctx context.Context, scope tenant.Scope, id, name string) (string, error) {
	var gid string
	err := s.update(ctx, scope, func(t *txn) error {
		g, err := t.group(id, name)
		if err != nil {
			return err
		}
		gid = g.ID
		if g.Name == DefaultGroupName {
			return Error(CodeCannotDelete, "the specified group: \"%s\" name: \"%s\" cannot be deleted by a user", g.ID, g.Name)
		}
		if err := t.groupInUse(g.ID); err != nil {
			return err
		}
		return t.deleteGroup(g)
	})
	return gid, err
}

// groupInUse fails when an instance uses the group or another group's
// rule names it.
func (t *txn) groupInUse(id string) error {
	busy := Error(CodeDependencyViolation, "resource %s has a dependent object", id)
	instances, err := all[Instance](t, kindInstance)
	if err != nil {
		return err
	}
	for _, in := range instances {
		for _, g := range in.SecurityGroups {
			if g.ID == id && in.State != StateTerminated {
				return busy
			}
		}
	}
	groups, err := all[SecurityGroup](t, kindGroup)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if g.ID != id && (refersTo(g.Ingress, id) || refersTo(g.Egress, id)) {
			return busy
		}
	}
	return nil
}

func refersTo(rules []Rule, groupID string) bool {
	for _, r := range rules {
		if r.Group != nil && r.Group.GroupID == groupID {
			return true
		}
	}
	return false
}

// DescribeGroupsParams are DescribeSecurityGroups' inputs.
type DescribeGroupsParams struct {
	DescribeParams
	// Names are group names in the default VPC.
	Names []string
}

// DescribeSecurityGroups lists security groups.
func (s *Service) DescribeSecurityGroups(ctx context.Context, scope tenant.Scope, p DescribeGroupsParams) ([]*SecurityGroup, string, error) {
	var out []*SecurityGroup
	err := s.view(ctx, scope, func(t *txn) (err error) {
		ids := p.IDs
		for _, name := range dedupe(p.Names) {
			g, err := t.groupInDefaultVPC(name)
			if err != nil {
				return err
			}
			ids = append(ids, g.ID)
		}
		out, err = selectRecords(t, kindGroup, ids, groupFilters, p.Filters)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(g *SecurityGroup) string { return g.ID }, "ec2-security-groups", p.Page)
}
