package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("CreateSubnet", func(a *api) awsproto.QueryHandler { return handler(a.createSubnet) })

type createSubnetInput struct {
	common
	VpcID              string      `ec2:"VpcId,required"`
	CidrBlock          string      `ec2:"CidrBlock"`
	AvailabilityZone   string      `ec2:"AvailabilityZone"`
	AvailabilityZoneID string      `ec2:"AvailabilityZoneId"`
	TagSpecs           []tagSpecIn `ec2:"TagSpecification"`
}

func (in *createSubnetInput) validate() error {
	if in.CidrBlock == "" {
		return sandbox.Missing("CidrBlock")
	}
	return nil
}

type createSubnetOutput struct {
	Subnet subnetXML `xml:"subnet"`
}

func (a *api) createSubnet(ctx context.Context, in *createSubnetInput) (any, error) {
	sn, err := a.EC2.CreateSubnet(ctx, scope(ctx), sandbox.CreateSubnetParams{VPCID: in.VpcID, CIDRBlock: in.CidrBlock,
		AvailabilityZone: in.AvailabilityZone, AvailabilityZoneID: in.AvailabilityZoneID, TagSpecs: tagSpecs(in.TagSpecs)})
	if err != nil {
		return nil, err
	}
	return createSubnetOutput{Subnet: subnetOut(scope(ctx), sn)}, nil
}
