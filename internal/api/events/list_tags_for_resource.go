package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListTagsForResource", func(a *api) awsproto.Handler { return awsproto.JSON(a.listTagsForResource) })

type listTagsForResourceInput struct {
	ResourceARN *string `json:"ResourceARN,omitempty"`
}

type listTagsForResourceOutput struct {
	Tags []Tag `json:"Tags"`
}

func (a *api) listTagsForResource(ctx context.Context, in *listTagsForResourceInput) (*listTagsForResourceOutput, error) {
	var v validate.Errors
	if v.Required("resourceARN", in.ResourceARN != nil) {
		v.Len("resourceARN", *in.ResourceARN, 1, 1600)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	tags, err := a.Events.ListTagsForResource(ctx, scope(ctx), *in.ResourceARN)
	if err != nil {
		return nil, err
	}
	return &listTagsForResourceOutput{Tags: fromTags(tags)}, nil
}
