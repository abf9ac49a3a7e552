package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("TagResource", func(a *api) awsproto.Handler { return awsproto.JSON(a.tagResource) })

type tagResourceInput struct {
	ResourceARN *string `json:"ResourceARN,omitempty"`
	Tags        []Tag   `json:"Tags,omitempty"`
}

type tagResourceOutput struct{}

func (a *api) tagResource(ctx context.Context, in *tagResourceInput) (*tagResourceOutput, error) {
	var v validate.Errors
	if v.Required("resourceARN", in.ResourceARN != nil) {
		v.Len("resourceARN", *in.ResourceARN, 1, 1600)
	}
	v.Required("tags", in.Tags != nil)
	validateTags(&v, "tags", in.Tags)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Events.TagResource(ctx, scope(ctx), *in.ResourceARN, toTags(in.Tags)); err != nil {
		return nil, err
	}
	return &tagResourceOutput{}, nil
}
