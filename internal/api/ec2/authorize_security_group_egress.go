package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("AuthorizeSecurityGroupEgress", func(a *api) awsproto.QueryHandler {
	return handler(a.authorizeSecurityGroupEgress)
})

type authorizeEgressInput struct {
	ruleRequest
	TagSpecs []tagSpecIn `ec2:"TagSpecification"`
}

func (in *authorizeEgressInput) validate() error { return groupNamed(in.GroupID, "") }

func (a *api) authorizeSecurityGroupEgress(ctx context.Context, in *authorizeEgressInput) (any, error) {
	return a.authorize(ctx, &in.ruleRequest, "", true, in.TagSpecs)
}
