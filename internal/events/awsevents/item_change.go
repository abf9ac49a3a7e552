package awsevents

import (
	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/events"
)

// ItemChangeEvent is aws.config's "Config Configuration Item Change": its
// detail is the item's ConfigurationItemChangeNotification (the recorder's
// RecordHook hands it over, the same message the delivery channel's topic
// receives), its time the notification's, its resources the item's ARN.
func ItemChangeEvent(n *notification.ItemChange) events.Event {
	var resources []string
	if it := n.ConfigurationItem; it != nil && it.ARN != nil {
		resources = []string{*it.ARN}
	}
	return events.Event{Source: SourceConfig, DetailType: DetailTypeConfigurationItemChange, Resources: resources,
		Detail: n, Time: n.At}
}
