package notification

import (
	"time"

	"github.com/salvehq/salve/internal/configitem"
)

// Message types and record versions of the notifications.
const (
	MessageItemChange          = "ConfigurationItemChangeNotification"
	MessageOversizedItemChange = "OversizedConfigurationItemChangeNotification"
	MessageComplianceChange    = "ComplianceChangeNotification"
	ItemRecordVersion          = "1.3"
	ComplianceRecordVersion    = "1.0"
)

// Change types of a configuration item diff and of its properties.
const (
	ChangeCreate = "CREATE"
	ChangeUpdate = "UPDATE"
	ChangeDelete = "DELETE"
)

// TimeFormat is how notifications write times: UTC with milliseconds.
const TimeFormat = "2006-01-02T15:04:05.000Z"

// Recorded is a configuration item as the recorder stored it, with what
// its notification says beyond the item.
type Recorded struct {
	Item      configitem.Item
	AccountID string
	// Region is the item's awsRegion: "global" for global resource types.
	Region string
	// StateID orders the resource's items (configurationStateId).
	StateID int64
	// MD5 is the hash of the item's state (configurationStateMd5Hash).
	MD5 string
}

// ItemChange is AWS Config's ConfigurationItemChangeNotification: the
// message of the delivery channel's topic, the detail of EventBridge's
// "Config Configuration Item Change" event and the invoking event of
// change-triggered custom rules.
type ItemChange struct {
	ConfigurationItemDiff    *ItemDiff `json:"configurationItemDiff"`
	ConfigurationItem        *Item     `json:"configurationItem,omitempty"`
	ConfigurationItemSummary *Item     `json:"configurationItemSummary,omitempty"`
	NotificationCreationTime string    `json:"notificationCreationTime"`
	MessageType              string    `json:"messageType"`
	RecordVersion            string    `json:"recordVersion"`
	// At is when the notification was created (NotificationCreationTime);
	// it is not part of the message.
	At time.Time `json:"-"`
}

// ItemDiff says what changed: CREATE, UPDATE or DELETE, and per changed
// property its previous and updated values.
type ItemDiff struct {
	ChangedProperties map[string]PropertyChange `json:"changedProperties"`
	ChangeType        string                    `json:"changeType"`
}

// PropertyChange is one changed property of an item; a value that is not
// there (before a CREATE, after a DELETE) is null.
type PropertyChange struct {
	PreviousValue any    `json:"previousValue"`
	UpdatedValue  any    `json:"updatedValue"`
	ChangeType    string `json:"changeType"`
}

// Item is a configuration item as notifications carry it.
type Item struct {
	RelatedEvents                []string          `json:"relatedEvents"`
	Relationships                []Relationship    `json:"relationships"`
	Configuration                map[string]any    `json:"configuration"`
	SupplementaryConfiguration   map[string]any    `json:"supplementaryConfiguration"`
	Tags                         map[string]string `json:"tags"`
	ConfigurationItemVersion     string            `json:"configurationItemVersion"`
	ConfigurationItemCaptureTime string            `json:"configurationItemCaptureTime"`
	ConfigurationStateID         int64             `json:"configurationStateId"`
	AWSAccountID                 string            `json:"awsAccountId"`
	ConfigurationItemStatus      string            `json:"configurationItemStatus"`
	ResourceType                 string            `json:"resourceType"`
	ResourceID                   string            `json:"resourceId"`
	ResourceName                 *string           `json:"resourceName"`
	ARN                          *string           `json:"ARN"`
	AWSRegion                    string            `json:"awsRegion"`
	AvailabilityZone             *string           `json:"availabilityZone"`
	ConfigurationStateMD5Hash    string            `json:"configurationStateMd5Hash"`
	ResourceCreationTime         *string           `json:"resourceCreationTime"`
}

// Relationship is a relationship as notifications carry it.
type Relationship struct {
	ResourceID   *string `json:"resourceId"`
	ResourceName *string `json:"resourceName"`
	ResourceType string  `json:"resourceType"`
	Name         string  `json:"name"`
}

// NewItemChange builds the notification of cur, created at now. prev is
// the resource's item before it (nil for the first): a first item, or the
// first after a deletion, is a CREATE with no changed properties; a
// deletion is a DELETE listing what went; anything else an UPDATE listing
// what changed.
func NewItemChange(prev *configitem.Item, cur *Recorded, now time.Time) *ItemChange {
	diff := &ItemDiff{ChangedProperties: map[string]PropertyChange{}, ChangeType: changeType(prev, &cur.Item)}
	if diff.ChangeType != ChangeCreate {
		if prev == nil {
			prev = &configitem.Item{}
		}
		diff.ChangedProperties = diffItems(prev, &cur.Item)
	}
	return &ItemChange{ConfigurationItemDiff: diff, ConfigurationItem: newItem(cur),
		NotificationCreationTime: FormatTime(now), MessageType: MessageItemChange,
		RecordVersion: ItemRecordVersion, At: now}
}

func changeType(prev, cur *configitem.Item) string {
	switch {
	case cur.Deleted():
		return ChangeDelete
	case prev == nil || prev.Deleted() || cur.Status == configitem.StatusResourceDiscovered:
		return ChangeCreate
	default:
		return ChangeUpdate
	}
}

// Oversized returns the OversizedConfigurationItemChangeNotification of
// n: the item's summary (no configuration) in place of the item, for a
// message past its channel's size limit. n is not changed.
func (n *ItemChange) Oversized() *ItemChange {
	out := *n
	if n.ConfigurationItem != nil {
		summary := *n.ConfigurationItem
		summary.Configuration, summary.SupplementaryConfiguration = nil, nil
		out.ConfigurationItemSummary = &summary
	}
	out.ConfigurationItem, out.MessageType = nil, MessageOversizedItemChange
	return &out
}

func newItem(rec *Recorded) *Item {
	it := &rec.Item
	n := &Item{RelatedEvents: []string{}, Relationships: relationships(it),
		Configuration: it.Configuration, SupplementaryConfiguration: orEmpty(it.SupplementaryConfiguration),
		Tags: orEmpty(it.Tags), ConfigurationItemVersion: ItemRecordVersion,
		ConfigurationItemCaptureTime: FormatTime(it.CaptureTime), ConfigurationStateID: rec.StateID,
		AWSAccountID: rec.AccountID, ConfigurationItemStatus: it.Status, ResourceType: it.ResourceType,
		ResourceID: it.ResourceID, ResourceName: optional(it.ResourceName), ARN: optional(it.ARN),
		AWSRegion: rec.Region, AvailabilityZone: optional(it.AvailabilityZone), ConfigurationStateMD5Hash: rec.MD5}
	if !it.ResourceCreationTime.IsZero() {
		n.ResourceCreationTime = optional(FormatTime(it.ResourceCreationTime))
	}
	return n
}

// relationships renders an item's relationships ([] when it has none).
func relationships(it *configitem.Item) []Relationship {
	out := make([]Relationship, 0, len(it.Relationships))
	for _, r := range it.Relationships {
		out = append(out, Relationship{ResourceID: optional(r.ResourceID), ResourceName: optional(r.ResourceName),
			ResourceType: r.ResourceType, Name: r.Name})
	}
	return out
}

// FormatTime writes t as notifications do.
func FormatTime(t time.Time) string { return t.UTC().Format(TimeFormat) }

// orEmpty is m, or an empty map when m is nil: notifications write {}.
func orEmpty[V any](m map[string]V) map[string]V {
	if m == nil {
		return map[string]V{}
	}
	return m
}

// optional is nil for "", else a pointer to s.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
