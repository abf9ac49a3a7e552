package ec2

import (
	"context"
	"regexp"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// devicePattern matches the device names EBS volumes attach as.
var devicePattern = regexp.MustCompile(`^/dev/(sd[a-z]|xvd[a-z]{1,2}|sd[a-z][0-9]{1,2}|xvd[a-z][0-9]{1,2}|nvme[0-9]+n[0-9]+)$`)

// CreateVolumeParams are CreateVolume's inputs.
type CreateVolumeParams struct {
	VolumeSpec
	// AvailabilityZone or AvailabilityZoneID name the volume's zone.
	AvailabilityZone   string
	AvailabilityZoneID string
	TagSpecs           []TagSpec
}

// CreateVolume makes an EBS volume.
func (s *Service) CreateVolume(ctx context.Context, scope tenant.Scope, p CreateVolumeParams) (*Volume, error) {
	zone, err := volumeZone(scope.Region, p.AvailabilityZone, p.AvailabilityZoneID)
	if err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	tags, err := tagsFor(p.TagSpecs, "volume", "volume")
	if err != nil {
		return nil, err
	}
	var v *Volume
	err = s.update(ctx, scope, func(t *txn) error {
		if v, err = t.newVolume(p.VolumeSpec, zone, tags); err != nil {
			return err
		}
		return t.putVolume(v, configitem.StatusResourceDiscovered)
	})
	return v, err
}

// volumeZone checks the zone a CreateVolume names.
func volumeZone(region, zone, id string) (string, error) {
	if zone == "" && id == "" {
		return "", Error(CodeMissingParameter, "The request must contain the parameter AvailabilityZone or AvailabilityZoneId")
	}
	for _, z := range Zones(region) {
		if z == zone || (zone == "" && zoneID(region, z) == id) {
			return z, nil
		}
	}
	if zone == "" {
		zone = id
	}
	return "", Error(CodeInvalidZoneNotFound, "The zone '%s' does not exist.", zone)
}

// putVolume stores a volume and records its item with status.
func (t *txn) putVolume(v *Volume, status string) error {
	if err := put(t, kindVolume, v.ID, v); err != nil {
		return err
	}
	return t.recordItem(v.item(t), status)
}

// DeleteVolume deletes a volume that is not attached.
func (s *Service) DeleteVolume(ctx context.Context, scope tenant.Scope, id string) error {
	return s.update(ctx, scope, func(t *txn) error {
		v, err := get[Volume](t, kindVolume, id)
		if err != nil {
			return err
		}
		if v.Attachment != nil {
			return Error(CodeVolumeInUse, "Volume %s is currently attached to %s", v.ID, v.Attachment.InstanceID)
		}
		if err := remove(t, kindVolume, v.ID); err != nil {
			return err
		}
		return t.recordDeleted(kindVolume, v.ID, "", v.AvailabilityZone, v.Created)
	})
}

// VolumeAttachment is an attachment as AttachVolume and DetachVolume
// answer it (State is attaching or detaching; the change is complete at
// once).
type VolumeAttachment struct {
	Attachment
	VolumeID string
	State    string
}

// AttachVolume attaches a volume to an instance in its zone as device.
func (s *Service) AttachVolume(ctx context.Context, scope tenant.Scope, volumeID, instanceID, device string) (*VolumeAttachment, error) {
	if !devicePattern.MatchString(device) {
		return nil, InvalidValue("device", device, device+" is not a valid EBS device name.")
	}
	var out *VolumeAttachment
	err := s.update(ctx, scope, func(t *txn) error {
		v, in, err := t.attachable(volumeID, instanceID, device)
		if err != nil {
			return err
		}
		a := Attachment{InstanceID: in.ID, Device: device, AttachTime: t.now}
		v.State, v.Attachment = "in-use", &a
		in.BlockDevices = append(in.BlockDevices, BlockDevice{DeviceName: device, VolumeID: v.ID, AttachTime: t.now})
		out = &VolumeAttachment{Attachment: a, VolumeID: v.ID, State: "attaching"}
		if err := t.putVolume(v, configitem.StatusOK); err != nil {
			return err
		}
		return t.putInstance(in, configitem.StatusOK)
	})
	return out, err
}

// attachable loads a volume and an instance and checks the volume can be
// attached to the instance as device.
func (t *txn) attachable(volumeID, instanceID, device string) (*Volume, *Instance, error) {
	v, err := get[Volume](t, kindVolume, volumeID)
	if err != nil {
		return nil, nil, err
	}
	in, err := t.instance(instanceID)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case v.Attachment != nil:
		return nil, nil, Error(CodeVolumeInUse, "%s is already attached to an instance", v.ID)
	case in.State == StateTerminated:
		return nil, nil, Error(CodeIncorrectInstanceState, "Instance '%s' is not 'running' or 'stopped'.", in.ID)
	case v.AvailabilityZone != in.AvailabilityZone:
		return nil, nil, Error(CodeInvalidVolumeZoneMismatch,
			"The volume '%s' is not in the same availability zone as instance '%s'", v.ID, in.ID)
	}
	for _, bd := range in.BlockDevices {
		if bd.DeviceName == device {
			return nil, nil, Error(CodeInvalidParameterValue,
				"Invalid value '%s' for unixDevice. Attachment point %s is already in use", device, device)
		}
	}
	return v, in, nil
}

// DetachVolume detaches a volume; instanceID and device, when given, must
// name its attachment. A running instance's root volume stays attached.
func (s *Service) DetachVolume(ctx context.Context, scope tenant.Scope, volumeID, instanceID, device string) (*VolumeAttachment, error) {
	var out *VolumeAttachment
	err := s.update(ctx, scope, func(t *txn) error {
		v, err := get[Volume](t, kindVolume, volumeID)
		if err != nil {
			return err
		}
		a := v.Attachment
		if a == nil {
			return Error(CodeIncorrectState, "Volume '%s' is in the 'available' state.", v.ID)
		}
		if (instanceID != "" && instanceID != a.InstanceID) || (device != "" && device != a.Device) {
			return Error(CodeInvalidAttachmentNotFound, "The volume %s is not attached to instance %s as device %s",
				v.ID, or(instanceID, a.InstanceID), or(device, a.Device))
		}
		in, err := get[Instance](t, kindInstance, a.InstanceID)
		if err != nil {
			return err
		}
		if a.Device == in.RootDeviceName && in.State != StateStopped {
			return Error(CodeIncorrectState, "Unable to detach root volume '%s' from instance '%s'", v.ID, in.ID)
		}
		out = &VolumeAttachment{Attachment: *a, VolumeID: v.ID, State: "detaching"}
		return t.detach(v, in)
	})
	return out, err
}

// detach breaks the attachment between v and in and records both.
func (t *txn) detach(v *Volume, in *Instance) error {
	v.State, v.Attachment = "available", nil
	for i, bd := range in.BlockDevices {
		if bd.VolumeID == v.ID {
			in.BlockDevices = append(in.BlockDevices[:i], in.BlockDevices[i+1:]...)
			break
		}
	}
	if err := t.putVolume(v, configitem.StatusOK); err != nil {
		return err
	}
	return t.putInstance(in, configitem.StatusOK)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var volumeFilters = filterSet[Volume]{
	tags: func(v *Volume) []Tag { return v.Tags },
	fields: map[string]func(*Volume) []string{
		"volume-id":            func(v *Volume) []string { return one(v.ID) },
		"status":               func(v *Volume) []string { return one(v.State) },
		"size":                 func(v *Volume) []string { return intValue(v.Size) },
		"volume-type":          func(v *Volume) []string { return one(v.VolumeType) },
		"encrypted":            func(v *Volume) []string { return boolValue(v.Encrypted) },
		"availability-zone":    func(v *Volume) []string { return one(v.AvailabilityZone) },
		"snapshot-id":          func(v *Volume) []string { return one(v.SnapshotID) },
		"multi-attach-enabled": func(v *Volume) []string { return boolValue(v.MultiAttach) },
		"attachment.instance-id": func(v *Volume) []string {
			return attachmentValue(v, func(a *Attachment) string { return a.InstanceID })
		},
		"attachment.device": func(v *Volume) []string { return attachmentValue(v, func(a *Attachment) string { return a.Device }) },
		"attachment.status": func(v *Volume) []string { return attachmentValue(v, func(*Attachment) string { return "attached" }) },
		"attachment.delete-on-termination": func(v *Volume) []string {
			return attachmentValue(v, func(a *Attachment) string { return boolValue(a.DeleteOnTermination)[0] })
		},
	},
}

func attachmentValue(v *Volume, get func(*Attachment) string) []string {
	if v.Attachment == nil {
		return nil
	}
	return one(get(v.Attachment))
}

// DescribeVolumes lists volumes.
func (s *Service) DescribeVolumes(ctx context.Context, scope tenant.Scope, p DescribeParams) ([]*Volume, string, error) {
	var out []*Volume
	err := s.view(ctx, scope, func(t *txn) (err error) {
		out, err = selectRecords(t, kindVolume, p.IDs, volumeFilters, p.Filters)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(v *Volume) string { return v.ID }, "ec2-volumes", p.Page)
}

// EBSEncryptionByDefault reports whether new volumes are encrypted.
func (s *Service) EBSEncryptionByDefault(ctx context.Context, scope tenant.Scope) (bool, error) {
	var on bool
	err := s.view(ctx, scope, func(t *txn) error {
		st, err := t.settings()
		if err == nil {
			on = st.EBSEncryptionByDefault
		}
		return err
	})
	return on, err
}

// SetEBSEncryptionByDefault turns encryption by default on or off.
func (s *Service) SetEBSEncryptionByDefault(ctx context.Context, scope tenant.Scope, on bool) error {
	return s.update(ctx, scope, func(t *txn) error {
		st, err := t.settings()
		if err != nil {
			return err
		}
		st.EBSEncryptionByDefault = on
		return t.putSettings(st)
	})
}
