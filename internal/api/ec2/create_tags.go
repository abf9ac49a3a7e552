package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("CreateTags", func(a *api) awsproto.QueryHandler { return handler(a.createTags) })

type createTagsInput struct {
	common
	ResourceIDs []string `ec2:"ResourceId,required"`
	Tags        []tagIn  `ec2:"Tag,required"`
}

func (in *createTagsInput) validate() error {
	if len(in.ResourceIDs) == 0 {
		return sandbox.Missing("ResourceId")
	}
	for _, t := range in.Tags {
		if t.Key == nil {
			return sandbox.Missing("Tag.N.Key")
		}
	}
	return nil
}

func (a *api) createTags(ctx context.Context, in *createTagsInput) (any, error) {
	if err := a.EC2.CreateTags(ctx, scope(ctx), in.ResourceIDs, tags(in.Tags)); err != nil {
		return nil, err
	}
	return returnXML{Return: true}, nil
}
