package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("StartConfigurationRecorder", func(a *api) awsproto.Handler { return awsproto.JSON(a.startConfigurationRecorder) })

type startConfigurationRecorderOutput struct{}

func (a *api) startConfigurationRecorder(ctx context.Context, in *recorderNameInput) (*startConfigurationRecorderOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	if err := a.Recorder.StartRecorder(ctx, scope(ctx), *in.ConfigurationRecorderName); err != nil {
		return nil, err
	}
	return &startConfigurationRecorderOutput{}, nil
}
