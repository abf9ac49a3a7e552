package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("CreateVolume", func(a *api) awsproto.QueryHandler { return handler(a.createVolume) })

type createVolumeInput struct {
	common
	AvailabilityZone   string      `ec2:"AvailabilityZone"`
	AvailabilityZoneID string      `ec2:"AvailabilityZoneId"`
	Encrypted          *bool       `ec2:"Encrypted"`
	IOPS               *int32      `ec2:"Iops"`
	KMSKeyID           string      `ec2:"KmsKeyId"`
	Size               *int32      `ec2:"Size"`
	SnapshotID         string      `ec2:"SnapshotId"`
	VolumeType         string      `ec2:"VolumeType"`
	Throughput         *int32      `ec2:"Throughput"`
	MultiAttach        bool        `ec2:"MultiAttachEnabled"`
	TagSpecs           []tagSpecIn `ec2:"TagSpecification"`
	_                  struct{}    `ignore:"ClientToken,OutpostArn,VolumeInitializationRate,Operator"`
}

func (in *createVolumeInput) validate() error {
	return enum("VolumeType", in.VolumeType, "standard", "io1", "io2", "gp2", "sc1", "st1", "gp3")
}

func (a *api) createVolume(ctx context.Context, in *createVolumeInput) (any, error) {
	v, err := a.EC2.CreateVolume(ctx, scope(ctx), sandbox.CreateVolumeParams{AvailabilityZone: in.AvailabilityZone,
		AvailabilityZoneID: in.AvailabilityZoneID, TagSpecs: tagSpecs(in.TagSpecs),
		VolumeSpec: sandbox.VolumeSpec{VolumeType: in.VolumeType, Size: in.Size, IOPS: in.IOPS, Throughput: in.Throughput,
			Encrypted: in.Encrypted, KMSKeyID: in.KMSKeyID, SnapshotID: in.SnapshotID, MultiAttach: in.MultiAttach}})
	if err != nil {
		return nil, err
	}
	return volumeOut(v), nil
}
