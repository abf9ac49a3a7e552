package ec2

import (
	"context"
	"net/netip"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// firstHost is the host number of a subnet's first usable address (AWS
// keeps .0 to .3).
const firstHost = 4

// CreateSubnetParams are CreateSubnet's inputs.
type CreateSubnetParams struct {
	VPCID     string
	CIDRBlock string
	// AvailabilityZone or AvailabilityZoneID pick the zone; neither picks
	// one in turn.
	AvailabilityZone   string
	AvailabilityZoneID string
	TagSpecs           []TagSpec
}

// CreateSubnet makes a subnet in a VPC.
func (s *Service) CreateSubnet(ctx context.Context, scope tenant.Scope, p CreateSubnetParams) (*Subnet, error) {
	cidr, ok := parseCIDR(p.CIDRBlock, false)
	if !ok {
		return nil, InvalidValue("cidrBlock", p.CIDRBlock, "This is not a valid CIDR block.")
	}
	if cidr.Bits() < 16 || cidr.Bits() > 28 {
		return nil, Error(CodeInvalidSubnetRange, "The CIDR '%s' is invalid.", p.CIDRBlock)
	}
	zone, err := pickZone(scope.Region, p.AvailabilityZone, p.AvailabilityZoneID)
	if err != nil {
		return nil, err
	}
	tags, err := tagsFor(p.TagSpecs, "subnet", "subnet")
	if err != nil {
		return nil, err
	}
	var sn *Subnet
	err = s.update(ctx, scope, func(t *txn) (err error) {
		sn, err = t.createSubnet(p.VPCID, cidr, zone, tags)
		return err
	})
	return sn, err
}

// createSubnet makes a subnet of cidr in a VPC, in zone ("" picks the
// zones in turn).
func (t *txn) createSubnet(vpcID string, cidr netip.Prefix, zone string, tags []Tag) (*Subnet, error) {
	v, err := get[VPC](t, kindVPC, vpcID)
	if err != nil {
		return nil, err
	}
	if vpcCIDR, _ := parseCIDR(v.CIDRBlock, false); !contains(vpcCIDR, cidr) {
		return nil, Error(CodeInvalidSubnetRange, "The CIDR '%s' is invalid.", cidr)
	}
	peers, err := t.subnetsOf(v.ID)
	if err != nil {
		return nil, err
	}
	for _, o := range peers {
		if oc, _ := parseCIDR(o.CIDRBlock, false); oc.Overlaps(cidr) {
			return nil, Error(CodeInvalidSubnetConflict, "The CIDR '%s' conflicts with another subnet", cidr)
		}
	}
	if zone == "" {
		zones := Zones(t.scope.Region)
		zone = zones[len(peers)%len(zones)]
	}
	sn := t.newSubnet(v.ID, cidr.String(), zone, tags)
	return sn, t.putSubnet(sn, configitem.StatusResourceDiscovered)
}

// pickZone checks the zone a request names by name or id ("" for none).
func pickZone(region, zone, zoneIDWanted string) (string, error) {
	zones := Zones(region)
	for _, z := range zones {
		if (zone != "" && z == zone) || (zone == "" && zoneIDWanted != "" && zoneID(region, z) == zoneIDWanted) {
			return z, nil
		}
	}
	if zone == "" && zoneIDWanted == "" {
		return "", nil
	}
	param, value := "availabilityZone", zone
	if zone == "" {
		param, value = "availabilityZoneId", zoneIDWanted
	}
	return "", InvalidValue(param, value, "Subnets can currently only be created in the following availability zones: "+
		strings.Join(zones, ", ")+".")
}

// newSubnet returns a subnet record (not yet stored).
func (t *txn) newSubnet(vpcID, cidr, zone string, tags []Tag) *Subnet {
	return &Subnet{ID: kindSubnet.newID(), VPCID: vpcID, CIDRBlock: cidr, AvailabilityZone: zone,
		AvailabilityZoneID: zoneID(t.scope.Region, zone), State: "available", OwnerID: t.scope.AccountID,
		NextHost: firstHost, Created: t.now, Tags: tags}
}

// putSubnet stores a subnet and records its item with status.
func (t *txn) putSubnet(sn *Subnet, status string) error {
	if err := put(t, kindSubnet, sn.ID, sn); err != nil {
		return err
	}
	return t.recordItem(sn.item(t), status)
}

// subnetsOf lists the subnets of a VPC.
func (t *txn) subnetsOf(vpcID string) ([]*Subnet, error) {
	subnets, err := all[Subnet](t, kindSubnet)
	if err != nil {
		return nil, err
	}
	out := subnets[:0]
	for _, sn := range subnets {
		if sn.VPCID == vpcID {
			out = append(out, sn)
		}
	}
	return out, nil
}

// DeleteSubnet deletes a subnet no instance uses; its flow logs go with it.
func (s *Service) DeleteSubnet(ctx context.Context, scope tenant.Scope, id string) error {
	return s.update(ctx, scope, func(t *txn) error {
		sn, err := get[Subnet](t, kindSubnet, id)
		if err != nil {
			return err
		}
		instances, err := all[Instance](t, kindInstance)
		if err != nil {
			return err
		}
		for _, in := range instances {
			if in.SubnetID == sn.ID && in.State != StateTerminated {
				return Error(CodeDependencyViolation, "The subnet '%s' has dependencies and cannot be deleted.", sn.ID)
			}
		}
		if err := t.deleteFlowLogsOf(sn.ID); err != nil {
			return err
		}
		if err := remove(t, kindSubnet, sn.ID); err != nil {
			return err
		}
		return t.recordDeleted(kindSubnet, sn.ID, "", "", sn.Created)
	})
}

// SubnetAttribute is the one attribute a ModifySubnetAttribute call sets.
type SubnetAttribute struct {
	// MapPublicIPOnLaunch, when set, turns public addresses for new
	// instances on or off.
	MapPublicIPOnLaunch *bool
}

// ModifySubnetAttribute changes a subnet attribute.
func (s *Service) ModifySubnetAttribute(ctx context.Context, scope tenant.Scope, id string, a SubnetAttribute) error {
	return s.update(ctx, scope, func(t *txn) error {
		sn, err := get[Subnet](t, kindSubnet, id)
		if err != nil {
			return err
		}
		if a.MapPublicIPOnLaunch == nil || *a.MapPublicIPOnLaunch == sn.MapPublicIPOnLaunch {
			return nil
		}
		sn.MapPublicIPOnLaunch = *a.MapPublicIPOnLaunch
		return t.putSubnet(sn, configitem.StatusOK)
	})
}

var subnetFilters = filterSet[Subnet]{
	tags: func(s *Subnet) []Tag { return s.Tags },
	fields: map[string]func(*Subnet) []string{
		"subnet-id":                  func(s *Subnet) []string { return one(s.ID) },
		"vpc-id":                     func(s *Subnet) []string { return one(s.VPCID) },
		"cidr-block":                 func(s *Subnet) []string { return one(s.CIDRBlock) },
		"cidr":                       func(s *Subnet) []string { return one(s.CIDRBlock) },
		"cidrBlock":                  func(s *Subnet) []string { return one(s.CIDRBlock) },
		"availability-zone":          func(s *Subnet) []string { return one(s.AvailabilityZone) },
		"availabilityZone":           func(s *Subnet) []string { return one(s.AvailabilityZone) },
		"availability-zone-id":       func(s *Subnet) []string { return one(s.AvailabilityZoneID) },
		"default-for-az":             func(s *Subnet) []string { return boolValue(s.DefaultForAZ) },
		"defaultForAz":               func(s *Subnet) []string { return boolValue(s.DefaultForAZ) },
		"map-public-ip-on-launch":    func(s *Subnet) []string { return boolValue(s.MapPublicIPOnLaunch) },
		"state":                      func(s *Subnet) []string { return one(s.State) },
		"owner-id":                   func(s *Subnet) []string { return one(s.OwnerID) },
		"available-ip-address-count": func(s *Subnet) []string { return []string{strconv.Itoa(int(s.AvailableIPs()))} },
	},
}

// DescribeSubnets lists subnets.
func (s *Service) DescribeSubnets(ctx context.Context, scope tenant.Scope, p DescribeParams) ([]*Subnet, string, error) {
	var out []*Subnet
	err := s.view(ctx, scope, func(t *txn) (err error) {
		out, err = selectRecords(t, kindSubnet, p.IDs, subnetFilters, p.Filters)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(s *Subnet) string { return s.ID }, "ec2-subnets", p.Page)
}
