package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("ModifySubnetAttribute", func(a *api) awsproto.QueryHandler { return handler(a.modifySubnetAttribute) })

// attributeBool is an AttributeBooleanValue: <Name>.Value.
type attributeBool struct {
	Value *bool `ec2:"Value"`
}

type modifySubnetAttributeInput struct {
	common
	SubnetID            string         `ec2:"SubnetId,required"`
	MapPublicIPOnLaunch *attributeBool `ec2:"MapPublicIpOnLaunch"`
	// Salve keeps no IPv6, customer-owned or DNS settings: they are taken
	// and ignored.
	_ struct{} `ignore:"AssignIpv6AddressOnCreation,MapCustomerOwnedIpOnLaunch,CustomerOwnedIpv4Pool,EnableDns64,PrivateDnsHostnameTypeOnLaunch,EnableResourceNameDnsARecordOnLaunch,EnableResourceNameDnsAAAARecordOnLaunch,EnableLniAtDeviceIndex,DisableLniAtDeviceIndex"`
}

func (in *modifySubnetAttributeInput) validate() error {
	if in.MapPublicIPOnLaunch != nil && in.MapPublicIPOnLaunch.Value == nil {
		return sandbox.Missing("MapPublicIpOnLaunch.Value")
	}
	return nil
}

func (a *api) modifySubnetAttribute(ctx context.Context, in *modifySubnetAttributeInput) (any, error) {
	var attr sandbox.SubnetAttribute
	if in.MapPublicIPOnLaunch != nil {
		attr.MapPublicIPOnLaunch = in.MapPublicIPOnLaunch.Value
	}
	if err := a.EC2.ModifySubnetAttribute(ctx, scope(ctx), in.SubnetID, attr); err != nil {
		return nil, err
	}
	return returnXML{Return: true}, nil
}
