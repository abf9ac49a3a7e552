package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("GetEventSelectors", func(a *api) awsproto.Handler { return awsproto.JSON(a.getEventSelectors) })

type getEventSelectorsInput struct {
	TrailName *string `json:"TrailName"`
}

func (a *api) getEventSelectors(ctx context.Context, in *getEventSelectorsInput) (*eventSelectorsOutput, error) {
	ref, err := trailRef("TrailName", in.TrailName)
	if err != nil {
		return nil, err
	}
	t, err := a.Trails.GetEventSelectors(ctx, scope(ctx), ref)
	if err != nil {
		return nil, err
	}
	return selectorsOf(t), nil
}
