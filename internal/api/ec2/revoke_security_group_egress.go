package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("RevokeSecurityGroupEgress", func(a *api) awsproto.QueryHandler {
	return handler(a.revokeSecurityGroupEgress)
})

type revokeEgressInput struct {
	ruleRequest
	RuleIDs []string `ec2:"SecurityGroupRuleId"`
}

func (in *revokeEgressInput) validate() error { return groupNamed(in.GroupID, "") }

func (a *api) revokeSecurityGroupEgress(ctx context.Context, in *revokeEgressInput) (any, error) {
	return a.revoke(ctx, &in.ruleRequest, "", true, in.RuleIDs)
}
