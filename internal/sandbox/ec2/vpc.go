package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxVPCs is how many VPCs a region of an account may hold, the default
// one included (AWS's default quota).
const MaxVPCs = 5

// CreateVPCParams are CreateVpc's inputs.
type CreateVPCParams struct {
	CIDRBlock string
	// InstanceTenancy is "default" (when empty) or "dedicated".
	InstanceTenancy string
	TagSpecs        []TagSpec
}

// CreateVPC makes a VPC and its default security group.
func (s *Service) CreateVPC(ctx context.Context, scope tenant.Scope, p CreateVPCParams) (*VPC, error) {
	cidr, ok := parseCIDR(p.CIDRBlock, false)
	if !ok {
		return nil, InvalidValue("cidrBlock", p.CIDRBlock, "This is not a valid CIDR block.")
	}
	if cidr.Bits() < 16 || cidr.Bits() > 28 {
		return nil, Error(CodeInvalidVpcRange, "The CIDR '%s' is invalid.", p.CIDRBlock)
	}
	tags, err := tagsFor(p.TagSpecs, "vpc", "vpc")
	if err != nil {
		return nil, err
	}
	if p.InstanceTenancy == "" {
		p.InstanceTenancy = "default"
	}
	var v *VPC
	err = s.update(ctx, scope, func(t *txn) error {
		n, err := t.tx.Count(scanOf(t, kindVPC))
		if err != nil {
			return err
		}
		if n >= MaxVPCs {
			return Error(CodeVpcLimitExceeded, "The maximum number of VPCs has been reached.")
		}
		v, err = t.createVPC(cidr.String(), p.InstanceTenancy, false, tags)
		return err
	})
	return v, err
}

// createVPC stores a VPC and its default security group and records both.
func (t *txn) createVPC(cidr, tenancy string, isDefault bool, tags []Tag) (*VPC, error) {
	st, err := t.settings()
	if err != nil {
		return nil, err
	}
	v := &VPC{ID: kindVPC.newID(), CIDRBlock: cidr, AssociationID: NewID("vpc-cidr-assoc"),
		IsDefault: isDefault, State: "available", InstanceTenancy: tenancy, DHCPOptionsID: st.DHCPOptionsID,
		OwnerID: t.scope.AccountID, Created: t.now, Tags: tags}
	if err := put(t, kindVPC, v.ID, v); err != nil {
		return nil, err
	}
	if err := t.recordItem(v.item(t), configitem.StatusResourceDiscovered); err != nil {
		return nil, err
	}
	g := t.defaultGroup(v.ID)
	if err := put(t, kindGroup, g.ID, g); err != nil {
		return nil, err
	}
	return v, t.recordItem(g.item(t), configitem.StatusResourceDiscovered)
}

// DeleteVPC deletes a VPC that holds nothing but its default security
// group; its flow logs go with it.
func (s *Service) DeleteVPC(ctx context.Context, scope tenant.Scope, id string) error {
	return s.update(ctx, scope, func(t *txn) error {
		v, err := get[VPC](t, kindVPC, id)
		if err != nil {
			return err
		}
		dflt, err := t.vpcDependencies(v.ID)
		if err != nil {
			return err
		}
		if dflt != nil {
			if err := t.deleteGroup(dflt); err != nil {
				return err
			}
		}
		if err := t.deleteFlowLogsOf(v.ID); err != nil {
			return err
		}
		if err := remove(t, kindVPC, v.ID); err != nil {
			return err
		}
		return t.recordDeleted(kindVPC, v.ID, "", "", v.Created)
	})
}

// vpcDependencies fails when the VPC still holds subnets or security
// groups other than its default one, which it returns.
func (t *txn) vpcDependencies(vpcID string) (*SecurityGroup, error) {
	busy := Error(CodeDependencyViolation, "The vpc '%s' has dependencies and cannot be deleted.", vpcID)
	subnets, err := all[Subnet](t, kindSubnet)
	if err != nil {
		return nil, err
	}
	for _, sn := range subnets {
		if sn.VPCID == vpcID {
			return nil, busy
		}
	}
	groups, err := all[SecurityGroup](t, kindGroup)
	if err != nil {
		return nil, err
	}
	var dflt *SecurityGroup
	for _, g := range groups {
		switch {
		case g.VPCID != vpcID:
		case g.Name == DefaultGroupName:
			dflt = g
		default:
			return nil, busy
		}
	}
	return dflt, nil
}

var vpcFilters = filterSet[VPC]{
	tags: func(v *VPC) []Tag { return v.Tags },
	fields: map[string]func(*VPC) []string{
		"vpc-id":                                func(v *VPC) []string { return one(v.ID) },
		"cidr":                                  func(v *VPC) []string { return one(v.CIDRBlock) },
		"cidr-block-association.cidr-block":     func(v *VPC) []string { return one(v.CIDRBlock) },
		"cidr-block-association.association-id": func(v *VPC) []string { return one(v.AssociationID) },
		"cidr-block-association.state":          func(*VPC) []string { return one("associated") },
		"is-default":                            func(v *VPC) []string { return boolValue(v.IsDefault) },
		"state":                                 func(v *VPC) []string { return one(v.State) },
		"owner-id":                              func(v *VPC) []string { return one(v.OwnerID) },
		"dhcp-options-id":                       func(v *VPC) []string { return one(v.DHCPOptionsID) },
	},
}

// DescribeVPCs lists VPCs.
func (s *Service) DescribeVPCs(ctx context.Context, scope tenant.Scope, p DescribeParams) ([]*VPC, string, error) {
	var out []*VPC
	err := s.view(ctx, scope, func(t *txn) (err error) {
		out, err = selectRecords(t, kindVPC, p.IDs, vpcFilters, p.Filters)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(v *VPC) string { return v.ID }, "ec2-vpcs", p.Page)
}
