package ec2

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// MetadataChange is a ModifyInstanceMetadataOptions request: empty or nil
// members keep their setting.
type MetadataChange struct {
	HTTPTokens           string
	HTTPEndpoint         string
	HopLimit             *int32
	InstanceMetadataTags string
}

// ModifyInstanceMetadataOptions changes an instance's metadata service
// settings (at once: the answer's state is "pending", as AWS's is) and
// returns them.
func (s *Service) ModifyInstanceMetadataOptions(ctx context.Context, scope tenant.Scope, id string, c MetadataChange) (MetadataOptions, error) {
	var out MetadataOptions
	err := s.update(ctx, scope, func(t *txn) error {
		in, err := t.instance(id)
		if err != nil {
			return err
		}
		if in.State == StateTerminated {
			return Error(CodeIncorrectInstanceState, "The instance '%s' is not in a state from which its metadata options can be modified.", in.ID)
		}
		m := in.Metadata
		m.HTTPTokens = or(c.HTTPTokens, m.HTTPTokens)
		m.HTTPEndpoint = or(c.HTTPEndpoint, m.HTTPEndpoint)
		m.InstanceMetadataTags = or(c.InstanceMetadataTags, m.InstanceMetadataTags)
		if c.HopLimit != nil {
			m.HopLimit = *c.HopLimit
		}
		if err := m.check(); err != nil {
			return err
		}
		out = m
		if m == in.Metadata {
			return nil
		}
		in.Metadata = m
		return t.putInstance(in, configitem.StatusOK)
	})
	return out, err
}

// Zone is an availability zone of a region.
type Zone struct {
	Name   string
	ID     string
	Region string
}

var zoneFilters = filterSet[Zone]{fields: map[string]func(*Zone) []string{
	"zone-name":   func(z *Zone) []string { return one(z.Name) },
	"zone-id":     func(z *Zone) []string { return one(z.ID) },
	"region-name": func(z *Zone) []string { return one(z.Region) },
	"state":       func(*Zone) []string { return one("available") },
	"zone-type":   func(*Zone) []string { return one("availability-zone") },
}}

// DescribeAvailabilityZones lists the zones Salve emulates in the scope's
// region; names and ids must be among them.
func (s *Service) DescribeAvailabilityZones(scope tenant.Scope, names, ids []string, filters []Filter) ([]Zone, error) {
	match, err := zoneFilters.compile(filters)
	if err != nil {
		return nil, err
	}
	var out []Zone
	for _, name := range Zones(scope.Region) {
		z := Zone{Name: name, ID: zoneID(scope.Region, name), Region: scope.Region}
		if (len(names) > 0 || len(ids) > 0) && !slices.Contains(names, z.Name) && !slices.Contains(ids, z.ID) {
			continue
		}
		if match(&z) {
			out = append(out, z)
		}
	}
	for _, n := range names {
		if !validZone(scope.Region, n) {
			return nil, InvalidValue("ZoneName", n, "The zone does not exist in "+scope.Region+".")
		}
	}
	return out, nil
}
