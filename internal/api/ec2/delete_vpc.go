package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DeleteVpc", func(a *api) awsproto.QueryHandler { return handler(a.deleteVpc) })

type deleteVpcInput struct {
	common
	VpcID string `ec2:"VpcId,required"`
}

func (a *api) deleteVpc(ctx context.Context, in *deleteVpcInput) (any, error) {
	if err := a.EC2.DeleteVPC(ctx, scope(ctx), in.VpcID); err != nil {
		return nil, err
	}
	return returnXML{Return: true}, nil
}
