package recorder

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// SNS publishes the delivery channel's notifications to its topic (the
// SNS sandbox's Service).
type SNS interface {
	// PublishTx publishes inside the recorder's transaction, so a
	// notification commits (and is sent) with its item or not at all.
	// AWS-level failures (no such topic, another account's topic) are
	// *awserr.Error values: the recorder logs them and records anyway.
	PublishTx(tx store.Tx, scope tenant.Scope, topicARN, subject, message string) error
	// Wake sends what PublishTx queued; the recorder calls it after the
	// commit (from Changed, and after NotifyCompliance's transaction).
	Wake()
}

// Notification message types and record versions.
const (
	MessageItemChange          = "ConfigurationItemChangeNotification"
	MessageOversizedItemChange = "OversizedConfigurationItemChangeNotification"
	MessageComplianceChange    = "ComplianceChangeNotification"
	itemRecordVersion          = "1.3"
	complianceRecordVersion    = "1.0"
)

// maxMessageBytes is SNS's message size limit: a larger item is notified
// as an OversizedConfigurationItemChangeNotification.
const maxMessageBytes = 256 << 10

// notificationTime is how notifications write times.
const notificationTime = "2006-01-02T15:04:05.000Z"

// UseSNS sets the publisher of the delivery channel's notifications, for
// composers that build the SNS service after the recorder (it is the SNS
// service's configitem.Sink). nil turns notifications off.
func (s *Service) UseSNS(p SNS) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sns = p
}

func (s *Service) publisher() SNS {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.sns
}

// channelTopic returns the SNS topic of the scope's delivery channel, ""
// when there is none.
func channelTopic(tx store.Tx, scope tenant.Scope) (string, error) {
	chs, err := channels(tx, scope)
	if err != nil {
		return "", err
	}
	for _, ch := range chs {
		if ch.SNSTopicARN != nil {
			return *ch.SNSTopicARN, nil
		}
	}
	return "", nil
}

// notifyItem publishes the ConfigurationItemChangeNotification of a newly
// recorded item (prev is the resource's item before it, nil for the first)
// when the scope's delivery channel names a topic.
func (s *Service) notifyItem(tx store.Tx, scope tenant.Scope, prev, rec *RecordedItem) error {
	sns := s.publisher()
	if sns == nil {
		return nil
	}
	topic, err := channelTopic(tx, scope)
	if err != nil || topic == "" {
		return err
	}
	msg, err := encodeNotification(ItemNotification(scope, prev, rec, s.clock.Now()))
	if err != nil {
		return err
	}
	return s.publish(tx, sns, scope, topic, itemSubject(scope, &rec.Item), msg)
}

// publish hands a notification to SNS; an AWS-level failure is logged, as
// AWS Config reports a failed delivery without undoing the change.
func (s *Service) publish(tx store.Tx, sns SNS, scope tenant.Scope, topic, subject, msg string) error {
	err := sns.PublishTx(tx, scope, topic, subject, msg)
	if _, ok := awserr.As(err); ok {
		s.logger.Warn("publish Config notification", "topic_arn", topic, "account", scope.AccountID,
			"region", scope.Region, "err", err)
		return nil
	}
	return err
}

// ItemChange is AWS Config's ConfigurationItemChangeNotification (record
// version 1.3): the message of the delivery channel's topic, and the
// detail of EventBridge's "Config Configuration Item Change" event.
type ItemChange struct {
	ConfigurationItemDiff    *ItemDiff         `json:"configurationItemDiff"`
	ConfigurationItem        *NotificationItem `json:"configurationItem,omitempty"`
	ConfigurationItemSummary *NotificationItem `json:"configurationItemSummary,omitempty"`
	NotificationCreationTime string            `json:"notificationCreationTime"`
	MessageType              string            `json:"messageType"`
	RecordVersion            string            `json:"recordVersion"`
}

// ItemDiff says what changed: CREATE, UPDATE or DELETE, and per changed
// property its previous and updated values.
type ItemDiff struct {
	ChangedProperties map[string]PropertyChange `json:"changedProperties"`
	ChangeType        string                    `json:"changeType"`
}

// PropertyChange is one changed property of an item.
type PropertyChange struct {
	PreviousValue any    `json:"previousValue"`
	UpdatedValue  any    `json:"updatedValue"`
	ChangeType    string `json:"changeType"`
}

// NotificationItem is a configuration item as notifications carry it.
type NotificationItem struct {
	RelatedEvents                []string                   `json:"relatedEvents"`
	Relationships                []NotificationRelationship `json:"relationships"`
	Configuration                map[string]any             `json:"configuration"`
	SupplementaryConfiguration   map[string]any             `json:"supplementaryConfiguration"`
	Tags                         map[string]string          `json:"tags"`
	ConfigurationItemVersion     string                     `json:"configurationItemVersion"`
	ConfigurationItemCaptureTime string                     `json:"configurationItemCaptureTime"`
	ConfigurationStateID         int64                      `json:"configurationStateId"`
	AWSAccountID                 string                     `json:"awsAccountId"`
	ConfigurationItemStatus      string                     `json:"configurationItemStatus"`
	ResourceType                 string                     `json:"resourceType"`
	ResourceID                   string                     `json:"resourceId"`
	ResourceName                 *string                    `json:"resourceName"`
	ARN                          *string                    `json:"ARN"`
	AWSRegion                    string                     `json:"awsRegion"`
	AvailabilityZone             *string                    `json:"availabilityZone"`
	ConfigurationStateMD5Hash    string                     `json:"configurationStateMd5Hash"`
	ResourceCreationTime         *string                    `json:"resourceCreationTime"`
}

// NotificationRelationship is a relationship as notifications carry it.
type NotificationRelationship struct {
	ResourceID   *string `json:"resourceId"`
	ResourceName *string `json:"resourceName"`
	ResourceType string  `json:"resourceType"`
	Name         string  `json:"name"`
}

// ItemNotification builds the notification of rec (prev is the item
// before it, nil for the first) at now.
func ItemNotification(scope tenant.Scope, prev, rec *RecordedItem, now time.Time) *ItemChange {
	diff := &ItemDiff{ChangedProperties: map[string]PropertyChange{}, ChangeType: "UPDATE"}
	switch {
	case rec.Item.Deleted():
		diff.ChangeType = "DELETE"
	case rec.Item.Status == configitem.StatusResourceDiscovered || prev == nil:
		diff.ChangeType = "CREATE"
	default:
		diff.ChangedProperties = diffItems(&prev.Item, &rec.Item)
	}
	return &ItemChange{ConfigurationItemDiff: diff, ConfigurationItem: notificationItem(scope, rec),
		NotificationCreationTime: formatTime(now), MessageType: MessageItemChange, RecordVersion: itemRecordVersion}
}

func notificationItem(scope tenant.Scope, rec *RecordedItem) *NotificationItem {
	it := &rec.Item
	n := &NotificationItem{RelatedEvents: []string{}, Relationships: []NotificationRelationship{},
		Configuration: it.Configuration, SupplementaryConfiguration: it.SupplementaryConfiguration, Tags: it.Tags,
		ConfigurationItemVersion: itemRecordVersion, ConfigurationItemCaptureTime: formatTime(it.CaptureTime),
		ConfigurationStateID: rec.StateID, AWSAccountID: scope.AccountID, ConfigurationItemStatus: it.Status,
		ResourceType: it.ResourceType, ResourceID: it.ResourceID, ResourceName: optional(it.ResourceName),
		ARN: optional(it.ARN), AWSRegion: Region(scope, it), AvailabilityZone: optional(it.AvailabilityZone),
		ConfigurationStateMD5Hash: rec.MD5}
	if n.SupplementaryConfiguration == nil {
		n.SupplementaryConfiguration = map[string]any{}
	}
	if n.Tags == nil {
		n.Tags = map[string]string{}
	}
	if !it.ResourceCreationTime.IsZero() {
		n.ResourceCreationTime = optional(formatTime(it.ResourceCreationTime))
	}
	for _, r := range it.Relationships {
		n.Relationships = append(n.Relationships, NotificationRelationship{ResourceID: optional(r.ResourceID),
			ResourceName: optional(r.ResourceName), ResourceType: r.ResourceType, Name: r.Name})
	}
	return n
}

// encodeNotification renders an item notification; one past SNS's size
// limit becomes an oversized notification with the item's summary (no
// configuration).
func encodeNotification(n *ItemChange) (string, error) {
	b, err := json.Marshal(n)
	if err != nil {
		return "", fmt.Errorf("encode configuration item notification: %w", err)
	}
	if len(b) <= maxMessageBytes {
		return string(b), nil
	}
	summary := *n.ConfigurationItem
	summary.Configuration, summary.SupplementaryConfiguration = nil, nil
	n.ConfigurationItem, n.ConfigurationItemSummary, n.MessageType = nil, &summary, MessageOversizedItemChange
	b, err = json.Marshal(n)
	return string(b), err
}

// itemSubject is the subject of an item notification.
func itemSubject(scope tenant.Scope, it *configitem.Item) string {
	verb := "Updated"
	switch {
	case it.Deleted():
		verb = "Deleted"
	case it.Status == configitem.StatusResourceDiscovered:
		verb = "Created"
	}
	return subject(fmt.Sprintf("[AWS Config:%s] %s %s %s in Account %s", scope.Region, it.ResourceType,
		it.ResourceID, verb, scope.AccountID))
}

// subject fits s to SNS's subject rules: at most 100 printable ASCII
// characters.
func subject(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '?'
		}
		return r
	}, s)
	if len(s) > 100 {
		s = s[:97] + "..."
	}
	return s
}

func formatTime(t time.Time) string { return t.UTC().Format(notificationTime) }

// optional is nil for "", else a pointer to s.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
