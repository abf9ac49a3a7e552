package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DescribeDeliveryChannelStatus", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeDeliveryChannelStatus) })

// deliveryNotApplicable is the status of a delivery Salve never makes.
const deliveryNotApplicable = "NOT_APPLICABLE"

type describeDeliveryChannelStatusOutput struct {
	DeliveryChannelsStatus []DeliveryChannelStatus `json:"DeliveryChannelsStatus"`
}

// DeliveryChannelStatus is the DeliveryChannelStatus shape.
type DeliveryChannelStatus struct {
	Name                       string                   `json:"name"`
	ConfigSnapshotDeliveryInfo ConfigExportDeliveryInfo `json:"configSnapshotDeliveryInfo"`
	ConfigHistoryDeliveryInfo  ConfigExportDeliveryInfo `json:"configHistoryDeliveryInfo"`
	ConfigStreamDeliveryInfo   ConfigStreamDeliveryInfo `json:"configStreamDeliveryInfo"`
}

// ConfigExportDeliveryInfo is the ConfigExportDeliveryInfo shape.
type ConfigExportDeliveryInfo struct {
	LastStatus string `json:"lastStatus,omitempty"`
}

// ConfigStreamDeliveryInfo is the ConfigStreamDeliveryInfo shape.
type ConfigStreamDeliveryInfo struct {
	LastStatus           string              `json:"lastStatus,omitempty"`
	LastStatusChangeTime *awsproto.Timestamp `json:"lastStatusChangeTime,omitempty"`
}

// describeDeliveryChannelStatus reports that nothing was delivered: Salve
// keeps the channel and delivers no snapshots, history or notifications.
func (a *api) describeDeliveryChannelStatus(ctx context.Context, in *deliveryChannelNamesInput) (*describeDeliveryChannelStatusOutput, error) {
	chans, err := a.deliveryChannels(ctx, in)
	if err != nil {
		return nil, err
	}
	out := &describeDeliveryChannelStatusOutput{DeliveryChannelsStatus: make([]DeliveryChannelStatus, 0, len(chans))}
	for _, c := range chans {
		out.DeliveryChannelsStatus = append(out.DeliveryChannelsStatus, DeliveryChannelStatus{
			Name:                       c.Name,
			ConfigSnapshotDeliveryInfo: ConfigExportDeliveryInfo{LastStatus: deliveryNotApplicable},
			ConfigHistoryDeliveryInfo:  ConfigExportDeliveryInfo{LastStatus: deliveryNotApplicable},
			ConfigStreamDeliveryInfo: ConfigStreamDeliveryInfo{LastStatus: deliveryNotApplicable,
				LastStatusChangeTime: awsproto.NewTimestamp(c.CreatedAt)},
		})
	}
	return out, nil
}
