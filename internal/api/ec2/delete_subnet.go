package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DeleteSubnet", func(a *api) awsproto.QueryHandler { return handler(a.deleteSubnet) })

type deleteSubnetInput struct {
	common
	SubnetID string `ec2:"SubnetId,required"`
}

func (a *api) deleteSubnet(ctx context.Context, in *deleteSubnetInput) (any, error) {
	if err := a.EC2.DeleteSubnet(ctx, scope(ctx), in.SubnetID); err != nil {
		return nil, err
	}
	return returnXML{Return: true}, nil
}
