package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DetachVolume", func(a *api) awsproto.QueryHandler { return handler(a.detachVolume) })

type detachVolumeInput struct {
	common
	VolumeID   string   `ec2:"VolumeId,required"`
	InstanceID string   `ec2:"InstanceId"`
	Device     string   `ec2:"Device"`
	_          struct{} `ignore:"Force"`
}

func (a *api) detachVolume(ctx context.Context, in *detachVolumeInput) (any, error) {
	att, err := a.EC2.DetachVolume(ctx, scope(ctx), in.VolumeID, in.InstanceID, in.Device)
	if err != nil {
		return nil, err
	}
	return attachmentOut(*att), nil
}
