package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("GetTrail", func(a *api) awsproto.Handler { return awsproto.JSON(a.getTrail) })

type getTrailInput struct {
	Name *string `json:"Name"`
}

type getTrailOutput struct {
	Trail trailShape `json:"Trail"`
}

func (a *api) getTrail(ctx context.Context, in *getTrailInput) (*getTrailOutput, error) {
	ref, err := trailRef("Name", in.Name)
	if err != nil {
		return nil, err
	}
	t, err := a.Trails.GetTrail(ctx, scope(ctx), ref)
	if err != nil {
		return nil, err
	}
	return &getTrailOutput{Trail: trailOf(t)}, nil
}
