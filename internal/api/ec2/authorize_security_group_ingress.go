package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("AuthorizeSecurityGroupIngress", func(a *api) awsproto.QueryHandler {
	return handler(a.authorizeSecurityGroupIngress)
})

type authorizeIngressInput struct {
	ruleRequest
	GroupName string      `ec2:"GroupName"`
	TagSpecs  []tagSpecIn `ec2:"TagSpecification"`
}

func (in *authorizeIngressInput) validate() error { return groupNamed(in.GroupID, in.GroupName) }

func (a *api) authorizeSecurityGroupIngress(ctx context.Context, in *authorizeIngressInput) (any, error) {
	return a.authorize(ctx, &in.ruleRequest, in.GroupName, false, in.TagSpecs)
}

// authorize serves both directions of Authorize.
func (a *api) authorize(ctx context.Context, r *ruleRequest, groupName string, egress bool, specs []tagSpecIn) (any, error) {
	perms, err := r.permissions()
	if err != nil {
		return nil, err
	}
	sc := scope(ctx)
	rules, err := a.EC2.Authorize(ctx, sc, sandbox.RuleChange{GroupID: r.GroupID, GroupName: groupName, Egress: egress,
		Permissions: perms, TagSpecs: tagSpecs(specs)})
	if err != nil {
		return nil, err
	}
	return authorizeOutput{Return: true, Rules: mapSet(rules, func(r sandbox.GroupRule) ruleXML { return ruleOut(sc, r) })}, nil
}
