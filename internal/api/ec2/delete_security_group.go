package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DeleteSecurityGroup", func(a *api) awsproto.QueryHandler { return handler(a.deleteSecurityGroup) })

type deleteSecurityGroupInput struct {
	common
	GroupID   string `ec2:"GroupId"`
	GroupName string `ec2:"GroupName"`
}

func (in *deleteSecurityGroupInput) validate() error {
	if in.GroupID == "" && in.GroupName == "" {
		return sandbox.Missing("GroupId or GroupName")
	}
	return nil
}

type deleteSecurityGroupOutput struct {
	Return  bool   `xml:"return"`
	GroupID string `xml:"groupId"`
}

func (a *api) deleteSecurityGroup(ctx context.Context, in *deleteSecurityGroupInput) (any, error) {
	id, err := a.EC2.DeleteSecurityGroup(ctx, scope(ctx), in.GroupID, in.GroupName)
	if err != nil {
		return nil, err
	}
	return deleteSecurityGroupOutput{Return: true, GroupID: id}, nil
}
