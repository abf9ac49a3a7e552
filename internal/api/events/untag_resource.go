package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("UntagResource", func(a *api) awsproto.Handler { return awsproto.JSON(a.untagResource) })

type untagResourceInput struct {
	ResourceARN *string  `json:"ResourceARN,omitempty"`
	TagKeys     []string `json:"TagKeys,omitempty"`
}

type untagResourceOutput struct{}

func (a *api) untagResource(ctx context.Context, in *untagResourceInput) (*untagResourceOutput, error) {
	var v validate.Errors
	if v.Required("resourceARN", in.ResourceARN != nil) {
		v.Len("resourceARN", *in.ResourceARN, 1, 1600)
	}
	v.Required("tagKeys", in.TagKeys != nil)
	for i, k := range in.TagKeys {
		v.Len(validate.Member("tagKeys", i, ""), k, 1, 128)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Events.UntagResource(ctx, scope(ctx), *in.ResourceARN, in.TagKeys); err != nil {
		return nil, err
	}
	return &untagResourceOutput{}, nil
}
