package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DeleteTags", func(a *api) awsproto.QueryHandler { return handler(a.deleteTags) })

type deleteTagsInput struct {
	common
	ResourceIDs []string `ec2:"ResourceId,required"`
	Tags        []tagIn  `ec2:"Tag"`
}

func (in *deleteTagsInput) validate() error {
	if len(in.ResourceIDs) == 0 {
		return sandbox.Missing("ResourceId")
	}
	return nil
}

func (a *api) deleteTags(ctx context.Context, in *deleteTagsInput) (any, error) {
	p := sandbox.DeleteTagsParams{ResourceIDs: in.ResourceIDs, Tags: tags(in.Tags)}
	for _, t := range in.Tags {
		p.WithValue = append(p.WithValue, t.Value != nil)
	}
	if err := a.EC2.DeleteTags(ctx, scope(ctx), p); err != nil {
		return nil, err
	}
	return returnXML{Return: true}, nil
}
