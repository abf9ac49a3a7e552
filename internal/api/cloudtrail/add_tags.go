package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

var _ = register("AddTags", func(a *api) awsproto.Handler { return awsproto.JSON(a.addTags) })

type addTagsInput struct {
	ResourceID *string    `json:"ResourceId"`
	TagsList   []tagShape `json:"TagsList"`
}

type addTagsOutput struct{}

func (a *api) addTags(ctx context.Context, in *addTagsInput) (*addTagsOutput, error) {
	if in.TagsList == nil {
		return nil, ctdomain.InvalidParameter("TagsList is required.")
	}
	if err := a.Trails.AddTags(ctx, scope(ctx), deref(in.ResourceID), tagsIn(in.TagsList)); err != nil {
		return nil, err
	}
	return &addTagsOutput{}, nil
}
