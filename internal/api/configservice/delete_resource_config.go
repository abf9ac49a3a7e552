package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteResourceConfig", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteResourceConfig) })

type deleteResourceConfigInput struct {
	ResourceType *string `json:"ResourceType,omitempty"`
	ResourceID   *string `json:"ResourceId,omitempty"`
}

type deleteResourceConfigOutput struct{}

func (a *api) deleteResourceConfig(ctx context.Context, in *deleteResourceConfigInput) (*deleteResourceConfigOutput, error) {
	var v validate.Errors
	validateCustomKey(&v, in.ResourceType, in.ResourceID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Recorder.DeleteResourceConfig(ctx, scope(ctx), *in.ResourceType, *in.ResourceID); err != nil {
		return nil, err
	}
	return &deleteResourceConfigOutput{}, nil
}
