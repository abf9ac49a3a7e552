package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeSecurityGroups", func(a *api) awsproto.QueryHandler { return handler(a.describeSecurityGroups) })

type describeSecurityGroupsInput struct {
	common
	pageIn
	GroupIDs   []string   `ec2:"GroupId"`
	GroupNames []string   `ec2:"GroupName"`
	Filters    []filterIn `ec2:"Filter"`
}

func (in *describeSecurityGroupsInput) validate() error { return in.check(5, 1000) }

type describeSecurityGroupsOutput struct {
	Groups    set[securityGroupXML] `xml:"securityGroupInfo"`
	NextToken string                `xml:"nextToken,omitempty"`
}

func (a *api) describeSecurityGroups(ctx context.Context, in *describeSecurityGroupsInput) (any, error) {
	sc := scope(ctx)
	groups, next, err := a.EC2.DescribeSecurityGroups(ctx, sc, sandbox.DescribeGroupsParams{Names: in.GroupNames,
		DescribeParams: sandbox.DescribeParams{IDs: in.GroupIDs, Filters: filters(in.Filters), Page: in.page()}})
	if err != nil {
		return nil, err
	}
	out := mapSet(groups, func(g *sandbox.SecurityGroup) securityGroupXML { return groupOut(sc, g) })
	return describeSecurityGroupsOutput{Groups: out, NextToken: next}, nil
}
