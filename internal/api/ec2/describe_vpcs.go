package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeVpcs", func(a *api) awsproto.QueryHandler { return handler(a.describeVpcs) })

type describeVpcsInput struct {
	common
	pageIn
	VpcIDs  []string   `ec2:"VpcId"`
	Filters []filterIn `ec2:"Filter"`
}

func (in *describeVpcsInput) validate() error { return in.check(5, 1000) }

type describeVpcsOutput struct {
	Vpcs      set[vpcXML] `xml:"vpcSet"`
	NextToken string      `xml:"nextToken,omitempty"`
}

func (a *api) describeVpcs(ctx context.Context, in *describeVpcsInput) (any, error) {
	vpcs, next, err := a.EC2.DescribeVPCs(ctx, scope(ctx), sandbox.DescribeParams{IDs: in.VpcIDs,
		Filters: filters(in.Filters), Page: in.page()})
	if err != nil {
		return nil, err
	}
	return describeVpcsOutput{Vpcs: mapSet(vpcs, vpcOut), NextToken: next}, nil
}
