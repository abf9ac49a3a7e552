package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteEventBus", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteEventBus) })

type deleteEventBusInput struct {
	Name *string `json:"Name,omitempty"`
}

type deleteEventBusOutput struct{}

func (a *api) deleteEventBus(ctx context.Context, in *deleteEventBusInput) (*deleteEventBusOutput, error) {
	var v validate.Errors
	if v.Required("name", in.Name != nil) {
		v.Len("name", *in.Name, 1, 256)
		v.Pattern("name", *in.Name, busNamePattern)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Events.DeleteEventBus(ctx, scope(ctx), *in.Name); err != nil {
		return nil, err
	}
	return &deleteEventBusOutput{}, nil
}
