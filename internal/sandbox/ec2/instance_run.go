package ec2

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/netip"
	"regexp"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// Launch limits.
const (
	// MaxInstancesPerLaunch caps the instances one RunInstances makes.
	MaxInstancesPerLaunch = 100
	// DefaultInstanceType is AWS's default when a launch names none.
	DefaultInstanceType = "m1.small"
	rootDeviceName      = "/dev/xvda"
	rootVolumeSize      = 8
)

var instanceTypePattern = regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z0-9-]+$`)

// BlockDeviceSpec is one BlockDeviceMapping.N of a launch.
type BlockDeviceSpec struct {
	DeviceName          string
	Volume              VolumeSpec
	DeleteOnTermination *bool
}

// RunParams are RunInstances' inputs.
type RunParams struct {
	ImageID      string
	InstanceType string
	KeyName      string
	MinCount     int32
	MaxCount     int32
	// SubnetID is the instances' subnet; "" picks a default subnet.
	SubnetID string
	// AvailabilityZone (Placement) picks the default subnet's zone.
	AvailabilityZone   string
	SecurityGroupIDs   []string
	SecurityGroupNames []string
	// AssociatePublicIP overrides the subnet's MapPublicIpOnLaunch.
	AssociatePublicIP  *bool
	BlockDevices       []BlockDeviceSpec
	TagSpecs           []TagSpec
	Monitoring         bool
	EBSOptimized       bool
	Metadata           MetadataOptions
	InstanceProfileARN string
	ClientToken        string
}

// Reservation is the set of instances one launch made.
type Reservation struct {
	ID        string
	OwnerID   string
	Instances []*Instance
}

// RunInstances launches instances. They are running at once (the answer
// shows them pending, as AWS's does).
func (s *Service) RunInstances(ctx context.Context, scope tenant.Scope, p RunParams) (*Reservation, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	instTags, err := tagsFor(p.TagSpecs, "instance", "instance", "volume", "network-interface")
	if err != nil {
		return nil, err
	}
	volTags, _ := tagsFor(p.TagSpecs, "volume", "instance", "volume", "network-interface")
	res := &Reservation{ID: NewID("r"), OwnerID: scope.AccountID}
	err = s.update(ctx, scope, func(t *txn) error {
		l, err := t.prepareLaunch(&p)
		if err != nil {
			return err
		}
		for i := range min(p.MaxCount, MaxInstancesPerLaunch) {
			in, err := t.launch(l, &p, res.ID, i, instTags, volTags)
			if err != nil {
				return err
			}
			res.Instances = append(res.Instances, in)
		}
		// The subnet's address count changed; that is not part of its item.
		return put(t, kindSubnet, l.subnet.ID, l.subnet)
	})
	return res, err
}

// check validates the launch's own parameters.
func (p *RunParams) check() error {
	if !WellFormed("ami", p.ImageID) {
		return Error(CodeInvalidAMIIDMalformed, "Invalid id: \"%s\" (expecting \"ami-...\")", p.ImageID)
	}
	if p.InstanceType == "" {
		p.InstanceType = DefaultInstanceType
	}
	if !instanceTypePattern.MatchString(p.InstanceType) {
		return Error(CodeInvalidParameterValue, "Invalid value '%s' for InstanceType.", p.InstanceType)
	}
	switch {
	case p.MinCount < 1:
		return InvalidValue("minCount", fmt.Sprint(p.MinCount), "Expected a positive integer.")
	case p.MaxCount < p.MinCount:
		return InvalidValue("maxCount", fmt.Sprint(p.MaxCount), "MaxCount must be greater than or equal to MinCount.")
	case p.MinCount > MaxInstancesPerLaunch:
		return Error(CodeInstanceLimitExceeded, "You have requested more instances (%d) than your current instance "+
			"limit of %d allows for the specified instance type.", p.MinCount, MaxInstancesPerLaunch)
	}
	for i := range p.BlockDevices {
		if err := p.BlockDevices[i].Volume.checkForLaunch(); err != nil {
			return err
		}
	}
	return p.Metadata.check()
}

// checkForLaunch validates a block device's volume (size defaults to the
// root volume's).
func (v *VolumeSpec) checkForLaunch() error {
	if v.Size == nil {
		size := int32(rootVolumeSize)
		v.Size = &size
	}
	return v.check()
}

// check validates metadata options and fills AWS's defaults.
func (m *MetadataOptions) check() error {
	defaults := MetadataOptions{HTTPTokens: "optional", HTTPEndpoint: "enabled", HopLimit: 1, InstanceMetadataTags: "disabled"}
	if m.HTTPTokens == "" {
		m.HTTPTokens = defaults.HTTPTokens
	}
	if m.HTTPEndpoint == "" {
		m.HTTPEndpoint = defaults.HTTPEndpoint
	}
	if m.InstanceMetadataTags == "" {
		m.InstanceMetadataTags = defaults.InstanceMetadataTags
	}
	if m.HopLimit == 0 {
		m.HopLimit = defaults.HopLimit
	}
	if m.HopLimit < 1 || m.HopLimit > 64 {
		return InvalidValue("HttpPutResponseHopLimit", fmt.Sprint(m.HopLimit), "It must be 1 to 64.")
	}
	return nil
}

// launchPlan is what every instance of one launch shares.
type launchPlan struct {
	subnet   *Subnet
	cidr     netip.Prefix
	groups   []GroupRef
	publicIP bool
}

// prepareLaunch resolves the launch's subnet and security groups.
func (t *txn) prepareLaunch(p *RunParams) (*launchPlan, error) {
	sn, err := t.launchSubnet(p.SubnetID, p.AvailabilityZone)
	if err != nil {
		return nil, err
	}
	groups, err := t.launchGroups(sn, p.SecurityGroupIDs, p.SecurityGroupNames)
	if err != nil {
		return nil, err
	}
	cidr, _ := parseCIDR(sn.CIDRBlock, false)
	l := &launchPlan{subnet: sn, cidr: cidr, groups: groups, publicIP: sn.MapPublicIPOnLaunch}
	if p.AssociatePublicIP != nil {
		l.publicIP = *p.AssociatePublicIP
	}
	free := size(cidr) - 1 - sn.NextHost
	if free < int(p.MinCount) {
		return nil, Error(CodeInsufficientAddresses, "There are not enough free addresses in subnet '%s' "+
			"to satisfy the requested number of instances.", sn.ID)
	}
	p.MaxCount = min(p.MaxCount, int32(free))
	return l, nil
}

// launchSubnet returns the named subnet, or the default subnet of the zone
// (the first zone's when none is named).
func (t *txn) launchSubnet(id, zone string) (*Subnet, error) {
	if id != "" {
		sn, err := get[Subnet](t, kindSubnet, id)
		if err == nil && zone != "" && sn.AvailabilityZone != zone {
			err = InvalidValue("availabilityZone", zone, "The subnet "+sn.ID+" is in "+sn.AvailabilityZone+".")
		}
		return sn, err
	}
	if zone != "" && !validZone(t.scope.Region, zone) {
		return nil, Error(CodeInvalidAvailabilityZone, "The requested Availability Zone %s is not valid.", zone)
	}
	v, err := t.defaultVPC()
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, Error(CodeVPCIDNotSpecified, "No default VPC for this user")
	}
	subnets, err := t.subnetsOf(v.ID)
	if err != nil {
		return nil, err
	}
	for _, z := range append([]string{zone}, Zones(t.scope.Region)...) {
		for _, sn := range subnets {
			if sn.DefaultForAZ && sn.AvailabilityZone == z {
				return sn, nil
			}
		}
	}
	return nil, Error(CodeMissingInput, "No subnets found for the default VPC '%s'. Please specify a subnet.", v.ID)
}

// launchGroups resolves a launch's security groups in the subnet's VPC
// (its default group when none is named).
func (t *txn) launchGroups(sn *Subnet, ids, names []string) ([]GroupRef, error) {
	var out []GroupRef
	for _, id := range dedupe(ids) {
		g, err := get[SecurityGroup](t, kindGroup, id)
		if err != nil {
			return nil, err
		}
		if g.VPCID != sn.VPCID {
			return nil, Error(CodeInvalidParameter, "Security group %s and subnet %s belong to different networks.", g.ID, sn.ID)
		}
		out = append(out, GroupRef{ID: g.ID, Name: g.Name})
	}
	names = dedupe(names)
	if len(names) == 0 && len(out) == 0 {
		names = []string{DefaultGroupName}
	}
	for _, name := range names {
		g, err := t.groupByName(sn.VPCID, name)
		if err == nil && g == nil {
			err = Error(kindGroup.notFound, "The security group '%s' does not exist in VPC '%s'", name, sn.VPCID)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, GroupRef{ID: g.ID, Name: g.Name})
	}
	return out, nil
}

// launch makes one instance of a launch, with its volumes.
func (t *txn) launch(l *launchPlan, p *RunParams, reservation string, index int32, tags, volTags []Tag) (*Instance, error) {
	sn := l.subnet
	in := &Instance{ID: kindInstance.newID(), ReservationID: reservation, ImageID: p.ImageID,
		InstanceType: p.InstanceType, KeyName: p.KeyName, State: StateRunning, SubnetID: sn.ID, VPCID: sn.VPCID,
		AvailabilityZone: sn.AvailabilityZone, PrivateIP: hostAddr(l.cidr, sn.NextHost),
		NetworkInterfaceID: NewID("eni"), MACAddress: newMAC(), SecurityGroups: l.groups, LaunchIndex: index,
		LaunchTime: t.now, RootDeviceName: rootDeviceName, Monitoring: p.Monitoring, EBSOptimized: p.EBSOptimized,
		Metadata: p.Metadata, InstanceProfileARN: p.InstanceProfileARN, ClientToken: p.ClientToken,
		Tags: tags}
	sn.NextHost++
	sn.InUse++
	if l.publicIP {
		in.PublicIP = newPublicIP()
	}
	if err := t.launchVolumes(in, p.BlockDevices, volTags); err != nil {
		return nil, err
	}
	if err := put(t, kindInstance, in.ID, in); err != nil {
		return nil, err
	}
	return in, t.recordItem(in.item(t), configitem.StatusResourceDiscovered)
}

// launchVolumes makes the root volume and the launch's other EBS block
// devices, attached to in.
func (t *txn) launchVolumes(in *Instance, specs []BlockDeviceSpec, tags []Tag) error {
	size := int32(rootVolumeSize)
	devices := []BlockDeviceSpec{{DeviceName: rootDeviceName, Volume: VolumeSpec{VolumeType: "gp2", Size: &size}}}
	for _, d := range specs {
		if d.DeviceName == rootDeviceName {
			devices[0] = d
		} else {
			devices = append(devices, d)
		}
	}
	for _, d := range devices {
		v, err := t.newVolume(d.Volume, in.AvailabilityZone, tags)
		if err != nil {
			return err
		}
		deleteOnTermination := d.DeleteOnTermination == nil || *d.DeleteOnTermination
		v.State = "in-use"
		v.Attachment = &Attachment{InstanceID: in.ID, Device: d.DeviceName, AttachTime: t.now, DeleteOnTermination: deleteOnTermination}
		in.BlockDevices = append(in.BlockDevices, BlockDevice{DeviceName: d.DeviceName, VolumeID: v.ID,
			AttachTime: t.now, DeleteOnTermination: deleteOnTermination})
		if err := t.putVolume(v, configitem.StatusResourceDiscovered); err != nil {
			return err
		}
	}
	return nil
}

// newMAC returns a random locally administered MAC address.
func newMAC() string {
	var b [5]byte
	rand.Read(b[:])
	return fmt.Sprintf("0e:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4])
}

// newPublicIP returns a random public address in 54.0.0.0/8.
func newPublicIP() string {
	var b [3]byte
	rand.Read(b[:])
	return fmt.Sprintf("54.%d.%d.%d", b[0], b[1], b[2]%253+1)
}
