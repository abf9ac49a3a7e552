package sns

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds, per account and region.
const (
	// kindTopic holds Topic records keyed by topic name.
	kindTopic = "sns-topic"
	// kindSubscription holds Subscriptions keyed by (topic name, id).
	kindSubscription = "sns-subscription"
	// kindDelivery holds Deliveries keyed by (topic name, sequence).
	kindDelivery = "sns-delivery"
	// kindDedup holds a FIFO topic's deduplication ids keyed by (topic
	// name, id) for the deduplication window.
	kindDedup = "sns-dedup"
)

var (
	topicNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	subIDPattern     = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// validTopicName reports whether name is a standard topic name or, when
// fifo, a FIFO topic name (the same with a .fifo suffix).
func validTopicName(name string, fifo bool) bool {
	if fifo {
		stem, ok := strings.CutSuffix(name, ".fifo")
		return ok && len(name) <= 256 && topicNamePattern.MatchString(stem)
	}
	return topicNamePattern.MatchString(name)
}

// arnParts are the pieces of an SNS ARN.
type arnParts struct {
	Region, Account, Name, SubID string
}

// parseARN splits arn:PARTITION:sns:REGION:ACCOUNT:TOPIC[:SUBSCRIPTION].
func parseARN(arn string) (arnParts, bool) {
	f := strings.Split(arn, ":")
	if len(f) < 6 || len(f) > 7 || f[0] != "arn" || f[1] == "" || f[2] != "sns" || f[3] == "" || f[4] == "" {
		return arnParts{}, false
	}
	p := arnParts{Region: f[3], Account: f[4], Name: f[5]}
	if !validTopicName(p.Name, strings.HasSuffix(p.Name, ".fifo")) {
		return arnParts{}, false
	}
	if len(f) == 7 {
		if !subIDPattern.MatchString(f[6]) {
			return arnParts{}, false
		}
		p.SubID = f[6]
	}
	return p, true
}

// topicName returns the name of a topic ARN of the caller's account and
// region; member names the ARN's member in errors. ok is false (with a nil
// error) for a well-formed ARN of another region.
func topicName(scope tenant.Scope, arn, member string) (string, bool, error) {
	p, ok := parseARN(arn)
	if !ok || p.SubID != "" {
		return "", false, invalid("%s", member)
	}
	if err := checkOwner(scope, p, arn); err != nil {
		return "", false, err
	}
	return p.Name, p.Region == scope.Region, nil
}

// checkOwner refuses ARNs of other accounts as AWS does when no policy
// grants access (Salve shares no topic between accounts).
func checkOwner(scope tenant.Scope, p arnParts, arn string) error {
	if p.Account == scope.AccountID {
		return nil
	}
	return Err(CodeAuthorizationError, "User: arn:%s:iam::%s:root is not authorized to access %s: "+
		"no resource-based policy allows it (Salve does not share topics between accounts)",
		tenant.Partition(scope.Region), scope.AccountID, arn)
}

// loadTopic reads a topic by ARN; member names the ARN's member in errors.
func (t *txn) loadTopic(arn, member string) (*Topic, error) {
	name, ok, err := topicName(t.scope, arn, member)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, topicNotFound()
	}
	return t.topicByName(name)
}

func (t *txn) topicByName(name string) (*Topic, error) {
	var top Topic
	err := store.GetRecord(t.tx, t.scope.Bucket(kindTopic), name, &top)
	if errors.Is(err, store.ErrNotFound) {
		return nil, topicNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("load topic %q: %w", name, err)
	}
	return &top, nil
}

func (t *txn) putTopic(top *Topic) error {
	return store.PutRecord(t.tx, t.scope.Bucket(kindTopic), top.Name, top)
}

// subscriptions returns the subscriptions of one topic ("" = every
// topic), in key order.
func (t *txn) subscriptions(topic string) ([]Subscription, error) {
	params := store.ScanParams{Bucket: t.scope.Bucket(kindSubscription)}
	if topic != "" {
		params.Prefix = store.Key(topic) + "/"
	}
	items, err := t.tx.Scan(params)
	if err != nil {
		return nil, fmt.Errorf("scan subscriptions: %w", err)
	}
	out := make([]Subscription, len(items))
	for i, it := range items {
		if err := store.DecodeRecord(kindSubscription, it.Key, it.Value, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func subscriptionKey(topic, id string) string { return store.Key(topic, id) }

// ScopeOf returns the account and region of a topic or subscription ARN;
// ok is false for anything else.
func ScopeOf(arn string) (scope tenant.Scope, ok bool) {
	p, ok := parseARN(arn)
	return tenant.Scope{AccountID: p.Account, Region: p.Region}, ok
}
