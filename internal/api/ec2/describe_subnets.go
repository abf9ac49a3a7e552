package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeSubnets", func(a *api) awsproto.QueryHandler { return handler(a.describeSubnets) })

type describeSubnetsInput struct {
	common
	pageIn
	SubnetIDs []string   `ec2:"SubnetId"`
	Filters   []filterIn `ec2:"Filter"`
}

func (in *describeSubnetsInput) validate() error { return in.check(5, 1000) }

type describeSubnetsOutput struct {
	Subnets   set[subnetXML] `xml:"subnetSet"`
	NextToken string         `xml:"nextToken,omitempty"`
}

func (a *api) describeSubnets(ctx context.Context, in *describeSubnetsInput) (any, error) {
	sc := scope(ctx)
	subnets, next, err := a.EC2.DescribeSubnets(ctx, sc, sandbox.DescribeParams{IDs: in.SubnetIDs,
		Filters: filters(in.Filters), Page: in.page()})
	if err != nil {
		return nil, err
	}
	out := mapSet(subnets, func(s *sandbox.Subnet) subnetXML { return subnetOut(sc, s) })
	return describeSubnetsOutput{Subnets: out, NextToken: next}, nil
}
