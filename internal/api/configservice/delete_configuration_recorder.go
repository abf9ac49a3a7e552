package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DeleteConfigurationRecorder", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteConfigurationRecorder) })

type deleteConfigurationRecorderOutput struct{}

func (a *api) deleteConfigurationRecorder(ctx context.Context, in *recorderNameInput) (*deleteConfigurationRecorderOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	if err := a.Recorder.DeleteRecorder(ctx, scope(ctx), *in.ConfigurationRecorderName); err != nil {
		return nil, err
	}
	return &deleteConfigurationRecorderOutput{}, nil
}
