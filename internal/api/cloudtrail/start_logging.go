package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("StartLogging", func(a *api) awsproto.Handler { return awsproto.JSON(a.startLogging) })

type startLoggingInput struct {
	Name *string `json:"Name"`
}

type startLoggingOutput struct{}

func (a *api) startLogging(ctx context.Context, in *startLoggingInput) (*startLoggingOutput, error) {
	ref, err := trailRef("Name", in.Name)
	if err != nil {
		return nil, err
	}
	if err := a.Trails.StartLogging(ctx, scope(ctx), ref); err != nil {
		return nil, err
	}
	return &startLoggingOutput{}, nil
}
