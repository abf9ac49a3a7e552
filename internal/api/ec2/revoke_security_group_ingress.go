package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("RevokeSecurityGroupIngress", func(a *api) awsproto.QueryHandler {
	return handler(a.revokeSecurityGroupIngress)
})

type revokeIngressInput struct {
	ruleRequest
	GroupName string   `ec2:"GroupName"`
	RuleIDs   []string `ec2:"SecurityGroupRuleId"`
}

func (in *revokeIngressInput) validate() error { return groupNamed(in.GroupID, in.GroupName) }

func (a *api) revokeSecurityGroupIngress(ctx context.Context, in *revokeIngressInput) (any, error) {
	return a.revoke(ctx, &in.ruleRequest, in.GroupName, false, in.RuleIDs)
}

// revoke serves both directions of Revoke.
func (a *api) revoke(ctx context.Context, r *ruleRequest, groupName string, egress bool, ruleIDs []string) (any, error) {
	perms, err := r.permissions()
	if err != nil {
		return nil, err
	}
	if len(perms) == 0 && len(ruleIDs) == 0 {
		return nil, sandbox.Missing("IpPermissions or SecurityGroupRuleId")
	}
	res, err := a.EC2.Revoke(ctx, scope(ctx), sandbox.RuleChange{GroupID: r.GroupID, GroupName: groupName,
		Egress: egress, Permissions: perms, RuleIDs: ruleIDs})
	if err != nil {
		return nil, err
	}
	return revokeOut(res), nil
}
