package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("StopLogging", func(a *api) awsproto.Handler { return awsproto.JSON(a.stopLogging) })

type stopLoggingInput struct {
	Name *string `json:"Name"`
}

type stopLoggingOutput struct{}

func (a *api) stopLogging(ctx context.Context, in *stopLoggingInput) (*stopLoggingOutput, error) {
	ref, err := trailRef("Name", in.Name)
	if err != nil {
		return nil, err
	}
	if err := a.Trails.StopLogging(ctx, scope(ctx), ref); err != nil {
		return nil, err
	}
	return &stopLoggingOutput{}, nil
}
