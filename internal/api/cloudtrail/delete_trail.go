package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DeleteTrail", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteTrail) })

type deleteTrailInput struct {
	Name *string `json:"Name"`
}

type deleteTrailOutput struct{}

func (a *api) deleteTrail(ctx context.Context, in *deleteTrailInput) (*deleteTrailOutput, error) {
	ref, err := trailRef("Name", in.Name)
	if err != nil {
		return nil, err
	}
	if err := a.Trails.DeleteTrail(ctx, scope(ctx), ref); err != nil {
		return nil, err
	}
	return &deleteTrailOutput{}, nil
}
