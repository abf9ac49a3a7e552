package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("StopConfigurationRecorder", func(a *api) awsproto.Handler { return awsproto.JSON(a.stopConfigurationRecorder) })

type stopConfigurationRecorderOutput struct{}

func (a *api) stopConfigurationRecorder(ctx context.Context, in *recorderNameInput) (*stopConfigurationRecorderOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	if err := a.Recorder.StopRecorder(ctx, scope(ctx), *in.ConfigurationRecorderName); err != nil {
		return nil, err
	}
	return &stopConfigurationRecorderOutput{}, nil
}
