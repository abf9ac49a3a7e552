package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeDeliveryChannels", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeDeliveryChannels) })

// deliveryChannelNamesInput is the input of DescribeDeliveryChannels and
// DescribeDeliveryChannelStatus.
type deliveryChannelNamesInput struct {
	DeliveryChannelNames []string `json:"DeliveryChannelNames,omitempty"`
}

type describeDeliveryChannelsOutput struct {
	DeliveryChannels []DeliveryChannel `json:"DeliveryChannels"`
}

func (a *api) describeDeliveryChannels(ctx context.Context, in *deliveryChannelNamesInput) (*describeDeliveryChannelsOutput, error) {
	chans, err := a.deliveryChannels(ctx, in)
	if err != nil {
		return nil, err
	}
	out := &describeDeliveryChannelsOutput{DeliveryChannels: make([]DeliveryChannel, 0, len(chans))}
	for i := range chans {
		out.DeliveryChannels = append(out.DeliveryChannels, fromDeliveryChannel(&chans[i]))
	}
	return out, nil
}

// deliveryChannels validates the names and returns the channels.
func (a *api) deliveryChannels(ctx context.Context, in *deliveryChannelNamesInput) ([]recorder.DeliveryChannel, error) {
	var v validate.Errors
	for i, n := range in.DeliveryChannelNames {
		v.Len(validate.Member("deliveryChannelNames", i, ""), n, 1, 256)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return a.Recorder.DeliveryChannels(ctx, scope(ctx), in.DeliveryChannelNames)
}
