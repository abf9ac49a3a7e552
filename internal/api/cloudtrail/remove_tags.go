package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

var _ = register("RemoveTags", func(a *api) awsproto.Handler { return awsproto.JSON(a.removeTags) })

type removeTagsInput struct {
	ResourceID *string    `json:"ResourceId"`
	TagsList   []tagShape `json:"TagsList"`
}

type removeTagsOutput struct{}

func (a *api) removeTags(ctx context.Context, in *removeTagsInput) (*removeTagsOutput, error) {
	if in.TagsList == nil {
		return nil, ctdomain.InvalidParameter("TagsList is required.")
	}
	if err := a.Trails.RemoveTags(ctx, scope(ctx), deref(in.ResourceID), tagsIn(in.TagsList)); err != nil {
		return nil, err
	}
	return &removeTagsOutput{}, nil
}
