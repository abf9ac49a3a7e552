package recorder

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ComplianceChange is a rule's changed evaluation of a resource, as the
// rules' evaluation hook reports it.
type ComplianceChange struct {
	Scope        tenant.Scope
	RuleName     string
	RuleARN      string
	ResourceType string
	ResourceID   string
	// Old is the previous ComplianceType ("" when the rule had never
	// evaluated the resource); New is the one now stored.
	Old, New string
	// OldAt is when the previous result was recorded (zero: unknown, At
	// is used); At is when the new one was.
	OldAt, At  time.Time
	Annotation string
}

// NotifyCompliance publishes a ComplianceChangeNotification for each
// change of compliance (Old != New) whose scope's delivery channel names a
// topic, in one transaction of its own. Publication failures are logged,
// store failures returned.
func (s *Service) NotifyCompliance(ctx context.Context, changes []ComplianceChange) error {
	if s.publisher() == nil || !anyChanged(changes) {
		return nil
	}
	published := false
	err := s.store.Update(ctx, func(tx store.Tx) (err error) {
		published, err = s.NotifyComplianceTx(tx, changes)
		return err
	})
	if err == nil && published {
		s.publisher().Wake()
	}
	return err
}

// NotifyComplianceTx is NotifyCompliance inside the caller's transaction
// (the one that records the results, from the rules' evaluation hook). It
// reports whether it published anything: the caller then calls
// WakeNotifications after the commit.
func (s *Service) NotifyComplianceTx(tx store.Tx, changes []ComplianceChange) (bool, error) {
	sns := s.publisher()
	if sns == nil || !anyChanged(changes) {
		return false, nil
	}
	topics, err := complianceTopics(tx, changes)
	if err != nil || len(topics) == 0 {
		return false, err
	}
	for i := range changes {
		c := &changes[i]
		if topic := topics[c.Scope]; topic != "" && c.Old != c.New {
			if err := s.publishCompliance(tx, sns, topic, c); err != nil {
				return false, err
			}
		}
	}
	return true, nil
}

// WakeNotifications starts delivering what NotifyComplianceTx published.
func (s *Service) WakeNotifications() {
	if sns := s.publisher(); sns != nil {
		sns.Wake()
	}
}

// complianceTopics returns the channel topic of each scope of changes that
// has one.
func complianceTopics(tx store.Tx, changes []ComplianceChange) (map[tenant.Scope]string, error) {
	out := map[tenant.Scope]string{}
	seen := map[tenant.Scope]bool{}
	for _, c := range changes {
		if seen[c.Scope] || c.Old == c.New {
			continue
		}
		seen[c.Scope] = true
		topic, err := channelTopic(tx, c.Scope)
		if err != nil {
			return nil, err
		}
		if topic != "" {
			out[c.Scope] = topic
		}
	}
	return out, nil
}

func anyChanged(changes []ComplianceChange) bool {
	for _, c := range changes {
		if c.Old != c.New {
			return true
		}
	}
	return false
}

func (s *Service) publishCompliance(tx store.Tx, sns SNS, topic string, c *ComplianceChange) error {
	if c.RuleARN == "" && s.ruleARN != nil {
		c.RuleARN = s.ruleARN(tx, c.Scope, c.RuleName)
	}
	b, err := json.Marshal(notification.NewCompliance(c.change(s.clock.Now())))
	if err != nil {
		return fmt.Errorf("encode compliance notification: %w", err)
	}
	subj := subject(fmt.Sprintf("[AWS Config:%s] %s %s is %s with %s in Account %s", c.Scope.Region,
		c.ResourceType, c.ResourceID, c.New, c.RuleName, c.Scope.AccountID))
	return s.publish(tx, sns, c.Scope, topic, subj, string(b))
}

// change is c as the notification builder takes it, notified at now: the
// results were recorded (and their rule invoked) at At, the old one at
// OldAt when known.
func (c *ComplianceChange) change(now time.Time) *notification.ComplianceChange {
	n := &notification.ComplianceChange{Scope: c.Scope, RuleName: c.RuleName, RuleARN: c.RuleARN,
		ResourceType: c.ResourceType, ResourceID: c.ResourceID, At: now,
		New: evaluation(c.New, c.At, c.Annotation)}
	if c.Old != "" {
		at := c.OldAt
		if at.IsZero() {
			at = c.At
		}
		old := evaluation(c.Old, at, "")
		n.Old = &old
	}
	return n
}

func evaluation(compliance string, at time.Time, annotation string) notification.Evaluation {
	return notification.Evaluation{ComplianceType: compliance, OrderingTimestamp: at, ResultRecordedTime: at,
		ConfigRuleInvokedTime: at, Annotation: annotation}
}
