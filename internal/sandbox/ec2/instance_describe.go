package ec2

import (
	"context"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/tenant"
)

var instanceFilters = filterSet[Instance]{
	tags: func(in *Instance) []Tag { return in.Tags },
	fields: map[string]func(*Instance) []string{
		"instance-id":                  func(in *Instance) []string { return one(in.ID) },
		"instance-state-name":          func(in *Instance) []string { return one(in.State) },
		"instance-state-code":          func(in *Instance) []string { return intValue(StateCode(in.State)) },
		"instance-type":                func(in *Instance) []string { return one(in.InstanceType) },
		"image-id":                     func(in *Instance) []string { return one(in.ImageID) },
		"vpc-id":                       func(in *Instance) []string { return one(in.VPCID) },
		"subnet-id":                    func(in *Instance) []string { return one(in.SubnetID) },
		"availability-zone":            func(in *Instance) []string { return one(in.AvailabilityZone) },
		"private-ip-address":           func(in *Instance) []string { return one(in.PrivateIP) },
		"ip-address":                   func(in *Instance) []string { return one(in.PublicIP) },
		"key-name":                     func(in *Instance) []string { return one(in.KeyName) },
		"reservation-id":               func(in *Instance) []string { return one(in.ReservationID) },
		"metadata-options.http-tokens": func(in *Instance) []string { return one(in.Metadata.HTTPTokens) },
		"network-interface.network-interface-id": func(in *Instance) []string {
			return one(in.NetworkInterfaceID)
		},
		"instance.group-id":   func(in *Instance) []string { return groupRefs(in, true) },
		"instance.group-name": func(in *Instance) []string { return groupRefs(in, false) },
		"block-device-mapping.volume-id": func(in *Instance) []string {
			var out []string
			for _, bd := range in.BlockDevices {
				out = append(out, bd.VolumeID)
			}
			return out
		},
	},
}

func groupRefs(in *Instance, ids bool) []string {
	var out []string
	for _, g := range in.SecurityGroups {
		if ids {
			out = append(out, g.ID)
		} else {
			out = append(out, g.Name)
		}
	}
	return out
}

// instanceKey orders instances by launch, then launch index.
func instanceKey(in *Instance) string {
	return fmt.Sprintf("%s/%s/%03d", in.LaunchTime.UTC().Format("2006-01-02T15:04:05.000000000Z"),
		in.ReservationID, in.LaunchIndex)
}

// describeInstances selects the visible instances of ids (or all) that
// match the filters, in launch order.
func (t *txn) describeInstances(p DescribeParams) ([]*Instance, error) {
	recs, err := selectRecords(t, kindInstance, p.IDs, instanceFilters, p.Filters)
	if err != nil {
		return nil, err
	}
	out := recs[:0]
	for _, in := range recs {
		if in.visible(t.now) {
			out = append(out, in)
		} else if len(p.IDs) > 0 {
			return nil, kindInstance.missing(in.ID)
		}
	}
	return out, nil
}

// DescribeInstances lists instances grouped by reservation.
func (s *Service) DescribeInstances(ctx context.Context, scope tenant.Scope, p DescribeParams) ([]Reservation, string, error) {
	var found []*Instance
	err := s.view(ctx, scope, func(t *txn) (err error) {
		found, err = t.describeInstances(p)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	page, next, err := paginate(found, instanceKey, "ec2-instances", p.Page)
	if err != nil {
		return nil, "", err
	}
	return reservations(page, scope.AccountID), next, nil
}

// reservations groups instances (in launch order) by reservation.
func reservations(instances []*Instance, owner string) []Reservation {
	var out []Reservation
	for _, in := range instances {
		if n := len(out); n > 0 && out[n-1].ID == in.ReservationID {
			out[n-1].Instances = append(out[n-1].Instances, in)
			continue
		}
		out = append(out, Reservation{ID: in.ReservationID, OwnerID: owner, Instances: []*Instance{in}})
	}
	return out
}

// InstanceStatus is an instance's health as DescribeInstanceStatus
// reports it.
type InstanceStatus struct {
	*Instance
	// Status is "ok" for a running instance (its checks pass at once),
	// "not-applicable" otherwise; it serves for both the instance and the
	// system checks.
	Status string
	// Since is when the checks last changed.
	Since time.Time
}

var statusFilters = filterSet[InstanceStatus]{
	fields: map[string]func(*InstanceStatus) []string{
		"availability-zone":            func(s *InstanceStatus) []string { return one(s.AvailabilityZone) },
		"instance-state-name":          func(s *InstanceStatus) []string { return one(s.State) },
		"instance-state-code":          func(s *InstanceStatus) []string { return intValue(StateCode(s.State)) },
		"instance-status.status":       func(s *InstanceStatus) []string { return one(s.Status) },
		"system-status.status":         func(s *InstanceStatus) []string { return one(s.Status) },
		"instance-status.reachability": func(s *InstanceStatus) []string { return one(s.reachability()) },
		"system-status.reachability":   func(s *InstanceStatus) []string { return one(s.reachability()) },
	},
}

// reachability is the reachability check's status.
func (s *InstanceStatus) reachability() string {
	if s.Status == "ok" {
		return "passed"
	}
	return ""
}

// DescribeInstanceStatus reports the health of running instances, or of
// every listed instance when includeAll.
func (s *Service) DescribeInstanceStatus(ctx context.Context, scope tenant.Scope, p DescribeParams, includeAll bool) ([]InstanceStatus, string, error) {
	match, err := statusFilters.compile(p.Filters)
	if err != nil {
		return nil, "", err
	}
	var found []*Instance
	err = s.view(ctx, scope, func(t *txn) (err error) {
		found, err = t.describeInstances(DescribeParams{IDs: p.IDs})
		return err
	})
	if err != nil {
		return nil, "", err
	}
	var out []InstanceStatus
	for _, in := range found {
		st := InstanceStatus{Instance: in, Status: "not-applicable", Since: in.LaunchTime}
		if in.State == StateRunning {
			st.Status = "ok"
		}
		if (includeAll || in.State == StateRunning) && match(&st) {
			out = append(out, st)
		}
	}
	return paginate(out, func(s InstanceStatus) string { return instanceKey(s.Instance) }, "ec2-instance-status", p.Page)
}
