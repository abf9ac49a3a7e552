package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DeleteVolume", func(a *api) awsproto.QueryHandler { return handler(a.deleteVolume) })

type deleteVolumeInput struct {
	common
	VolumeID string `ec2:"VolumeId,required"`
}

func (a *api) deleteVolume(ctx context.Context, in *deleteVolumeInput) (any, error) {
	if err := a.EC2.DeleteVolume(ctx, scope(ctx), in.VolumeID); err != nil {
		return nil, err
	}
	return returnXML{Return: true}, nil
}
