package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteDeliveryChannel", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteDeliveryChannel) })

type deleteDeliveryChannelInput struct {
	DeliveryChannelName *string `json:"DeliveryChannelName,omitempty"`
}

type deleteDeliveryChannelOutput struct{}

func (a *api) deleteDeliveryChannel(ctx context.Context, in *deleteDeliveryChannelInput) (*deleteDeliveryChannelOutput, error) {
	var v validate.Errors
	if v.Required("deliveryChannelName", in.DeliveryChannelName != nil) {
		v.Len("deliveryChannelName", *in.DeliveryChannelName, 1, 256)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Recorder.DeleteDeliveryChannel(ctx, scope(ctx), *in.DeliveryChannelName); err != nil {
		return nil, err
	}
	return &deleteDeliveryChannelOutput{}, nil
}
