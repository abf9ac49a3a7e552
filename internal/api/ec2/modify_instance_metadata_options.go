package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("ModifyInstanceMetadataOptions", func(a *api) awsproto.QueryHandler {
	return handler(a.modifyInstanceMetadataOptions)
})

type modifyInstanceMetadataOptionsInput struct {
	common
	InstanceID           string   `ec2:"InstanceId,required"`
	HTTPTokens           string   `ec2:"HttpTokens"`
	HopLimit             *int32   `ec2:"HttpPutResponseHopLimit"`
	HTTPEndpoint         string   `ec2:"HttpEndpoint"`
	InstanceMetadataTags string   `ec2:"InstanceMetadataTags"`
	_                    struct{} `ignore:"HttpProtocolIpv6"`
}

func (in *modifyInstanceMetadataOptionsInput) validate() error {
	if err := enum("HttpTokens", in.HTTPTokens, "optional", "required"); err != nil {
		return err
	}
	if err := enum("HttpEndpoint", in.HTTPEndpoint, "enabled", "disabled"); err != nil {
		return err
	}
	return enum("InstanceMetadataTags", in.InstanceMetadataTags, "enabled", "disabled")
}

type modifyInstanceMetadataOptionsOutput struct {
	InstanceID string      `xml:"instanceId"`
	Options    metadataXML `xml:"instanceMetadataOptions"`
}

func (a *api) modifyInstanceMetadataOptions(ctx context.Context, in *modifyInstanceMetadataOptionsInput) (any, error) {
	m, err := a.EC2.ModifyInstanceMetadataOptions(ctx, scope(ctx), in.InstanceID, sandbox.MetadataChange{
		HTTPTokens: in.HTTPTokens, HTTPEndpoint: in.HTTPEndpoint, HopLimit: in.HopLimit,
		InstanceMetadataTags: in.InstanceMetadataTags})
	if err != nil {
		return nil, err
	}
	out := metadataOut(m)
	out.State = "pending"
	return modifyInstanceMetadataOptionsOutput{InstanceID: in.InstanceID, Options: out}, nil
}
