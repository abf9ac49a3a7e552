package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("CreateVpc", func(a *api) awsproto.QueryHandler { return handler(a.createVpc) })

type createVpcInput struct {
	common
	CidrBlock       string      `ec2:"CidrBlock"`
	InstanceTenancy string      `ec2:"InstanceTenancy"`
	TagSpecs        []tagSpecIn `ec2:"TagSpecification"`
	_               struct{}    `ignore:"AmazonProvidedIpv6CidrBlock"`
}

func (in *createVpcInput) validate() error {
	if in.CidrBlock == "" {
		return sandbox.Missing("CidrBlock")
	}
	return enum("InstanceTenancy", in.InstanceTenancy, "default", "dedicated")
}

type createVpcOutput struct {
	Vpc vpcXML `xml:"vpc"`
}

func (a *api) createVpc(ctx context.Context, in *createVpcInput) (any, error) {
	v, err := a.EC2.CreateVPC(ctx, scope(ctx), sandbox.CreateVPCParams{CIDRBlock: in.CidrBlock,
		InstanceTenancy: in.InstanceTenancy, TagSpecs: tagSpecs(in.TagSpecs)})
	if err != nil {
		return nil, err
	}
	return createVpcOutput{Vpc: vpcOut(v)}, nil
}
