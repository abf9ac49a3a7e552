package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("AttachVolume", func(a *api) awsproto.QueryHandler { return handler(a.attachVolume) })

type attachVolumeInput struct {
	common
	Device     string   `ec2:"Device,required"`
	InstanceID string   `ec2:"InstanceId,required"`
	VolumeID   string   `ec2:"VolumeId,required"`
	_          struct{} `ignore:"EbsCardIndex"`
}

func (a *api) attachVolume(ctx context.Context, in *attachVolumeInput) (any, error) {
	att, err := a.EC2.AttachVolume(ctx, scope(ctx), in.VolumeID, in.InstanceID, in.Device)
	if err != nil {
		return nil, err
	}
	return attachmentOut(*att), nil
}
