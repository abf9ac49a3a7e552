package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("CreateSecurityGroup", func(a *api) awsproto.QueryHandler { return handler(a.createSecurityGroup) })

type createSecurityGroupInput struct {
	common
	GroupName   string      `ec2:"GroupName,required"`
	Description string      `ec2:"GroupDescription,required"`
	VpcID       string      `ec2:"VpcId"`
	TagSpecs    []tagSpecIn `ec2:"TagSpecification"`
}

type createSecurityGroupOutput struct {
	GroupID string       `xml:"groupId"`
	Tags    *set[tagXML] `xml:"tagSet,omitempty"`
	ARN     string       `xml:"securityGroupArn"`
}

func (a *api) createSecurityGroup(ctx context.Context, in *createSecurityGroupInput) (any, error) {
	sc := scope(ctx)
	g, err := a.EC2.CreateSecurityGroup(ctx, sc, sandbox.CreateGroupParams{Name: in.GroupName,
		Description: in.Description, VPCID: in.VpcID, TagSpecs: tagSpecs(in.TagSpecs)})
	if err != nil {
		return nil, err
	}
	return createSecurityGroupOutput{GroupID: g.ID, Tags: tagSet(g.Tags), ARN: sc.ARN("ec2", "security-group/"+g.ID)}, nil
}
