package ec2

import (
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/tenant"
)

// VolumeSpec describes a volume to make (CreateVolume, or a block device
// of RunInstances).
type VolumeSpec struct {
	// VolumeType is gp2 (when empty), gp3, io1, io2, st1, sc1 or standard.
	VolumeType string
	Size       *int32
	IOPS       *int32
	Throughput *int32
	// Encrypted asks for encryption; with EBS encryption by default on,
	// volumes are encrypted whatever it says.
	Encrypted   *bool
	KMSKeyID    string
	SnapshotID  string
	MultiAttach bool
}

// sizeLimits are the sizes (GiB) each volume type allows.
var sizeLimits = map[string][2]int32{
	"gp2": {1, 16384}, "gp3": {1, 16384}, "io1": {4, 16384}, "io2": {4, 65536},
	"st1": {125, 16384}, "sc1": {125, 16384}, "standard": {1, 1024},
}

// iopsLimits are the IOPS the provisioned types allow.
var iopsLimits = map[string][2]int32{"gp3": {3000, 16000}, "io1": {100, 64000}, "io2": {100, 256000}}

// check validates the spec and fills its defaults.
func (v *VolumeSpec) check() error {
	if v.VolumeType == "" {
		v.VolumeType = "gp2"
	}
	limits, ok := sizeLimits[v.VolumeType]
	if !ok {
		return InvalidValue("VolumeType", v.VolumeType, "Valid types are gp2, gp3, io1, io2, st1, sc1 and standard.")
	}
	if v.SnapshotID != "" {
		if err := checkSnapshot(v.SnapshotID); err != nil {
			return err
		}
	}
	if v.Size == nil {
		return Missing("size")
	}
	if *v.Size < limits[0] {
		return Error(CodeInvalidParameterValue, "Volume of %d GiB is too small; minimum is %d GiB.", *v.Size, limits[0])
	}
	if *v.Size > limits[1] {
		return Error(CodeInvalidParameterValue, "Volume of %d GiB is too large; maximum is %d GiB.", *v.Size, limits[1])
	}
	if err := v.checkPerformance(); err != nil {
		return err
	}
	if v.MultiAttach && v.VolumeType != "io1" && v.VolumeType != "io2" {
		return Error(CodeInvalidParameterCombination, "Multi-Attach is supported only for io1 and io2 volumes.")
	}
	return nil
}

// checkPerformance validates IOPS and throughput against the type.
func (v *VolumeSpec) checkPerformance() error {
	limits, provisioned := iopsLimits[v.VolumeType]
	switch {
	case v.IOPS != nil && !provisioned:
		return Error(CodeInvalidParameterCombination, "The parameter iops is not supported for %s volumes.", v.VolumeType)
	case v.IOPS == nil && (v.VolumeType == "io1" || v.VolumeType == "io2"):
		return Missing("iops")
	case v.IOPS != nil && (*v.IOPS < limits[0] || *v.IOPS > limits[1]):
		return InvalidValue("iops", fmt.Sprint(*v.IOPS),
			fmt.Sprintf("%s volumes take %d to %d IOPS.", v.VolumeType, limits[0], limits[1]))
	case v.Throughput != nil && v.VolumeType != "gp3":
		return Error(CodeInvalidParameterCombination, "The parameter throughput is not supported for %s volumes.", v.VolumeType)
	case v.Throughput != nil && (*v.Throughput < 125 || *v.Throughput > 1000):
		return InvalidValue("throughput", fmt.Sprint(*v.Throughput), "gp3 volumes take 125 to 1000 MiB/s.")
	}
	return nil
}

// checkSnapshot answers for a snapshot id: Salve keeps no snapshots.
func checkSnapshot(id string) error {
	if !WellFormed("snap", id) {
		return Error(CodeInvalidSnapshotMalformed, "Invalid id: \"%s\" (expecting \"snap-...\")", id)
	}
	return Error(CodeInvalidSnapshotNotFound, "The snapshot '%s' does not exist.", id)
}

// performance returns the IOPS and throughput a volume gets.
func (v *VolumeSpec) performance() (iops, throughput int32) {
	switch v.VolumeType {
	case "gp2":
		iops = min(max(100, 3**v.Size), 16000)
	case "gp3":
		iops, throughput = 3000, 125
	}
	if v.IOPS != nil {
		iops = *v.IOPS
	}
	if v.Throughput != nil {
		throughput = *v.Throughput
	}
	return iops, throughput
}

// kmsARN returns a KMS key reference as the ARN DescribeVolumes shows.
func kmsARN(scope tenant.Scope, key string) string {
	switch {
	case key == "":
		return ""
	case strings.HasPrefix(key, "arn:"):
		return key
	case strings.HasPrefix(key, "alias/"):
		return scope.ARN("kms", key)
	}
	return scope.ARN("kms", "key/"+key)
}

// newVolume returns a volume record for spec in zone (not yet stored),
// encrypted when asked or when the scope encrypts by default.
func (t *txn) newVolume(spec VolumeSpec, zone string, tags []Tag) (*Volume, error) {
	st, err := t.settings()
	if err != nil {
		return nil, err
	}
	encrypted := st.EBSEncryptionByDefault || (spec.Encrypted != nil && *spec.Encrypted)
	if spec.KMSKeyID != "" && !encrypted {
		return nil, Error(CodeInvalidParameterDependency, "The parameter KmsKeyId requires the parameter Encrypted to be set.")
	}
	v := &Volume{ID: kindVolume.newID(), AvailabilityZone: zone, VolumeType: spec.VolumeType, Size: *spec.Size,
		Encrypted: encrypted, SnapshotID: spec.SnapshotID, MultiAttach: spec.MultiAttach, State: "available",
		Created: t.now, Tags: tags}
	v.IOPS, v.Throughput = spec.performance()
	if encrypted {
		if v.KMSKeyID = kmsARN(t.scope, spec.KMSKeyID); v.KMSKeyID == "" {
			if v.KMSKeyID, err = t.defaultKMSKey(st); err != nil {
				return nil, err
			}
		}
	}
	return v, nil
}

// defaultKMSKey returns the ARN of the scope's aws/ebs key, minting it the
// first time.
func (t *txn) defaultKMSKey(st *settings) (string, error) {
	if st.EBSDefaultKMSKeyID == "" {
		st.EBSDefaultKMSKeyID = t.scope.ARN("kms", "key/"+uuid.NewString())
		if err := t.putSettings(st); err != nil {
			return "", err
		}
	}
	return st.EBSDefaultKMSKeyID, nil
}
