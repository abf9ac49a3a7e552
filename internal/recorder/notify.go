package recorder

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/configitem/notification"
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

// maxMessageBytes is SNS's message size limit: a larger item is notified
// as an OversizedConfigurationItemChangeNotification.
const maxMessageBytes = 256 << 10

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

// notifyItem publishes an item's ConfigurationItemChangeNotification
// when the scope's delivery channel names a topic.
func (s *Service) notifyItem(tx store.Tx, scope tenant.Scope, n *notification.ItemChange) error {
	sns := s.publisher()
	if sns == nil {
		return nil
	}
	topic, err := channelTopic(tx, scope)
	if err != nil || topic == "" {
		return err
	}
	msg, err := encodeNotification(n)
	if err != nil {
		return err
	}
	it := n.ConfigurationItem
	subj := itemSubject(scope, it.ResourceType, it.ResourceID, n.ConfigurationItemDiff.ChangeType)
	return s.publish(tx, sns, scope, topic, subj, msg)
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

// ItemNotification builds the notification of rec (prev is the item
// before it, nil for the first) at now.
func ItemNotification(scope tenant.Scope, prev, rec *RecordedItem, now time.Time) *notification.ItemChange {
	var before *configitem.Item
	if prev != nil {
		before = &prev.Item
	}
	return notification.NewItemChange(before, &notification.Recorded{Item: rec.Item, AccountID: scope.AccountID,
		Region: Region(scope, &rec.Item), StateID: rec.StateID, MD5: rec.MD5}, now)
}

// encodeNotification renders an item notification; one past SNS's size
// limit is sent as the oversized notification.
func encodeNotification(n *notification.ItemChange) (string, error) {
	b, err := json.Marshal(n)
	if err != nil {
		return "", fmt.Errorf("encode configuration item notification: %w", err)
	}
	if len(b) <= maxMessageBytes {
		return string(b), nil
	}
	b, err = json.Marshal(n.Oversized())
	return string(b), err
}

// itemSubject is the subject of an item notification.
func itemSubject(scope tenant.Scope, resourceType, resourceID, change string) string {
	verb := "Updated"
	switch change {
	case notification.ChangeCreate:
		verb = "Created"
	case notification.ChangeDelete:
		verb = "Deleted"
	}
	return subject(fmt.Sprintf("[AWS Config:%s] %s %s %s in Account %s", scope.Region, resourceType,
		resourceID, verb, scope.AccountID))
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
