package recorder_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

const topicARN = "arn:aws:sns:us-east-1:111111111111:config-topic"

// published is one PublishTx call.
type published struct {
	Scope            tenant.Scope
	Topic, Subject   string
	Message          map[string]any
	RawMessageLength int
}

// publisher is a recorder.SNS that keeps what it is given, or fails.
type publisher struct {
	mu    sync.Mutex
	got   []published
	fail  error
	woken int
}

func (p *publisher) Wake() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.woken++
}

func (p *publisher) wakes() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.woken
}

func (p *publisher) PublishTx(_ store.Tx, scope tenant.Scope, topic, subject, message string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail != nil {
		return p.fail
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(message), &m); err != nil {
		return err
	}
	p.got = append(p.got, published{Scope: scope, Topic: topic, Subject: subject, Message: m, RawMessageLength: len(message)})
	return nil
}

func (p *publisher) all() []published {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]published(nil), p.got...)
}

// notifying returns a bundle whose recorder publishes to a publisher and
// whose delivery channel names topicARN.
func notifying(t *testing.T) (*bundle, *publisher) {
	t.Helper()
	b := setup(t)
	p := &publisher{}
	b.svc.UseSNS(p)
	topic := topicARN
	require.NoError(t, b.svc.PutDeliveryChannel(context.Background(), acct,
		recorder.DeliveryChannel{Name: "default", S3BucketName: "config-bucket", SNSTopicARN: &topic}))
	return b, p
}

func TestService_ItemChangeNotifications(t *testing.T) {
	t.Parallel()
	b, p := notifying(t)
	b.record(t, acct, bucket("logs", "Off"))
	b.clock.Advance(time.Minute)
	b.record(t, acct, bucket("logs", "Off")) // says nothing new: no notification
	b.record(t, acct, bucket("logs", "Enabled"))
	b.clock.Advance(time.Minute)
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "logs", Status: configitem.StatusResourceDeleted})
	b.record(t, other, bucket("elsewhere", "Off")) // no channel there
	require.Equal(t, 5, p.wakes(), "Changed wakes SNS after each commit")

	got := p.all()
	require.Len(t, got, 3)
	for _, g := range got {
		require.Equal(t, acct, g.Scope)
		require.Equal(t, topicARN, g.Topic)
		require.Equal(t, notification.MessageItemChange, g.Message["messageType"])
		require.Equal(t, "1.3", g.Message["recordVersion"])
	}
	require.Equal(t, "[AWS Config:us-east-1] AWS::S3::Bucket logs Created in Account 111111111111", got[0].Subject)
	require.Equal(t, "[AWS Config:us-east-1] AWS::S3::Bucket logs Updated in Account 111111111111", got[1].Subject)
	require.Equal(t, "[AWS Config:us-east-1] AWS::S3::Bucket logs Deleted in Account 111111111111", got[2].Subject)

	created := got[0].Message
	require.Equal(t, map[string]any{"changedProperties": map[string]any{}, "changeType": "CREATE"}, created["configurationItemDiff"])
	require.Equal(t, "2026-11-01T12:00:00.000Z", created["notificationCreationTime"])
	item := created["configurationItem"].(map[string]any)
	require.Equal(t, "1.3", item["configurationItemVersion"])
	require.Equal(t, "111111111111", item["awsAccountId"])
	require.Equal(t, "us-east-1", item["awsRegion"])
	require.Equal(t, "ResourceDiscovered", item["configurationItemStatus"])
	require.Equal(t, "arn:aws:s3:::logs", item["ARN"])
	require.Equal(t, "logs", item["resourceName"])
	require.Equal(t, float64(1), item["configurationStateId"])
	require.Equal(t, "2026-11-01T12:00:00.000Z", item["configurationItemCaptureTime"])
	require.Equal(t, map[string]any{"name": "logs", "size": float64(3)}, item["configuration"])
	require.Equal(t, map[string]any{"env": "test"}, item["tags"])
	require.Equal(t, []any{}, item["relatedEvents"])
	require.NotEmpty(t, item["configurationStateMd5Hash"])

	updated := got[1].Message["configurationItemDiff"].(map[string]any)
	require.Equal(t, "UPDATE", updated["changeType"])
	require.Equal(t, map[string]any{
		"SupplementaryConfiguration.BucketVersioningConfiguration.Status": map[string]any{
			"previousValue": "Off", "updatedValue": "Enabled", "changeType": "UPDATE"},
	}, updated["changedProperties"])

	deleted := got[2].Message
	require.Equal(t, map[string]any{"changeType": "DELETE", "changedProperties": map[string]any{
		"Configuration": map[string]any{"previousValue": map[string]any{"name": "logs", "size": float64(3)},
			"updatedValue": nil, "changeType": "DELETE"},
		"SupplementaryConfiguration.BucketVersioningConfiguration": map[string]any{
			"previousValue": map[string]any{"status": "Enabled"}, "updatedValue": nil, "changeType": "DELETE"},
		"Tags.env": map[string]any{"previousValue": "test", "updatedValue": nil, "changeType": "DELETE"},
	}}, deleted["configurationItemDiff"], "a deletion lists what went")
	require.Nil(t, deleted["configurationItem"].(map[string]any)["configuration"])
	require.Equal(t, float64(3), deleted["configurationItem"].(map[string]any)["configurationStateId"])
}

func TestService_ItemChangeNotification_PutResourceConfig(t *testing.T) {
	t.Parallel()
	b, p := notifying(t)
	ctx := context.Background()
	require.NoError(t, b.svc.PutResourceConfig(ctx, acct, recorder.PutResourceParams{ResourceType: "MyCorp::App::Thing",
		ResourceID: "t-1", Configuration: map[string]any{"size": 1}}))
	require.NoError(t, b.svc.PutResourceConfig(ctx, acct, recorder.PutResourceParams{ResourceType: "MyCorp::App::Thing",
		ResourceID: "t-1", Configuration: map[string]any{"size": 2, "owner": map[string]any{"team": "a"}}}))
	got := p.all()
	require.Len(t, got, 2)
	require.Equal(t, map[string]any{
		"Configuration.Size":  map[string]any{"previousValue": float64(1), "updatedValue": float64(2), "changeType": "UPDATE"},
		"Configuration.Owner": map[string]any{"previousValue": nil, "updatedValue": map[string]any{"team": "a"}, "changeType": "CREATE"},
	}, got[1].Message["configurationItemDiff"].(map[string]any)["changedProperties"])
}

func TestService_ItemChangeNotification_Oversized(t *testing.T) {
	t.Parallel()
	b, p := notifying(t)
	big := bucket("big", "Off")
	big.Configuration["blob"] = strings.Repeat("x", 300<<10)
	b.record(t, acct, big)
	got := p.all()
	require.Len(t, got, 1)
	require.Equal(t, notification.MessageOversizedItemChange, got[0].Message["messageType"])
	require.Nil(t, got[0].Message["configurationItem"])
	summary := got[0].Message["configurationItemSummary"].(map[string]any)
	require.Equal(t, "big", summary["resourceId"])
	require.Nil(t, summary["configuration"])
	require.Less(t, got[0].RawMessageLength, 256<<10)
}

// TestService_ItemChangeNotification_Failures: an AWS-level failure of the
// publish (no such topic) leaves the item recorded; a store failure fails
// the transaction.
func TestService_ItemChangeNotification_Failures(t *testing.T) {
	t.Parallel()
	b, p := notifying(t)
	p.fail = &awserr.Error{Code: "NotFound", Status: 404, Message: "Topic does not exist"}
	b.record(t, acct, bucket("kept", "Off"))
	require.NotNil(t, b.current(t, acct, "AWS::S3::Bucket", "kept"))

	p.fail = errors.New("disk on fire")
	err := b.store.Update(context.Background(), func(tx store.Tx) error {
		return b.svc.Record(tx, acct, bucket("lost", "Off"))
	})
	require.ErrorContains(t, err, "disk on fire")
	require.Nil(t, b.current(t, acct, "AWS::S3::Bucket", "lost"))
}

func TestService_NotifyCompliance(t *testing.T) {
	t.Parallel()
	b, p := notifying(t)
	at := start.Add(time.Hour)
	ruleARN := "arn:aws:config:us-east-1:111111111111:config-rule/config-rule-abc123"
	require.NoError(t, b.svc.NotifyCompliance(context.Background(), []recorder.ComplianceChange{
		{Scope: acct, RuleName: "s3-enc", RuleARN: ruleARN, ResourceType: "AWS::S3::Bucket", ResourceID: "logs",
			New: "NON_COMPLIANT", At: at, Annotation: "no default encryption"},
		{Scope: acct, RuleName: "s3-enc", ResourceType: "AWS::S3::Bucket", ResourceID: "same", Old: "COMPLIANT", New: "COMPLIANT", At: at},
		{Scope: other, RuleName: "s3-enc", ResourceType: "AWS::S3::Bucket", ResourceID: "theirs", New: "COMPLIANT", At: at},
		{Scope: acct, RuleName: "s3-enc", RuleARN: ruleARN, ResourceType: "AWS::S3::Bucket", ResourceID: "fixed",
			Old: "NON_COMPLIANT", New: "COMPLIANT", At: at},
	}))
	got := p.all()
	require.Len(t, got, 2, "unchanged results and scopes without a topic send nothing")
	require.Equal(t, 1, p.wakes(), "SNS is woken after the commit")
	require.Equal(t, "[AWS Config:us-east-1] AWS::S3::Bucket logs is NON_COMPLIANT with s3-enc in Account 111111111111", got[0].Subject)
	m := got[0].Message
	require.Equal(t, "ComplianceChangeNotification", m["messageType"])
	require.Equal(t, "1.0", m["recordVersion"])
	require.Equal(t, "111111111111", m["awsAccountId"])
	require.Equal(t, ruleARN, m["configRuleARN"])
	require.Equal(t, "us-east-1", m["awsRegion"])
	require.Nil(t, m["oldEvaluationResult"])
	n := m["newEvaluationResult"].(map[string]any)
	require.Equal(t, "NON_COMPLIANT", n["complianceType"])
	require.Equal(t, "no default encryption", n["annotation"])
	require.Equal(t, "2026-11-01T13:00:00.000Z", n["resultRecordedTime"])
	require.Equal(t, map[string]any{"configRuleName": "s3-enc", "resourceType": "AWS::S3::Bucket", "resourceId": "logs",
		"evaluationMode": "DETECTIVE"}, n["evaluationResultIdentifier"].(map[string]any)["evaluationResultQualifier"])
	old := got[1].Message["oldEvaluationResult"].(map[string]any)
	require.Equal(t, "NON_COMPLIANT", old["complianceType"])
}

func TestService_NoNotificationsWithoutSNS(t *testing.T) {
	t.Parallel()
	b := setup(t)
	topic := topicARN
	require.NoError(t, b.svc.PutDeliveryChannel(context.Background(), acct,
		recorder.DeliveryChannel{Name: "default", S3BucketName: "config-bucket", SNSTopicARN: &topic}))
	b.record(t, acct, bucket("quiet", "Off"))
	require.NoError(t, b.svc.NotifyCompliance(context.Background(), []recorder.ComplianceChange{
		{Scope: acct, RuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: "quiet", New: "COMPLIANT"}}))
}

func TestService_NotifyCompliance_RuleARN(t *testing.T) {
	t.Parallel()
	b, _ := notifying(t)
	p := &publisher{}
	svc := recorder.New(recorder.Params{Store: b.store, Clock: b.clock, SNS: p,
		RuleARN: func(_ store.Tx, scope tenant.Scope, name string) string {
			return scope.ARN("config", "config-rule/"+name)
		}})
	require.NoError(t, svc.NotifyCompliance(context.Background(), []recorder.ComplianceChange{
		{Scope: acct, RuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: "b", New: "COMPLIANT", At: start}}))
	got := p.all()
	require.Len(t, got, 1)
	require.Equal(t, "arn:aws:config:us-east-1:111111111111:config-rule/r", got[0].Message["configRuleARN"])
}

// TestService_OnRecord_SameNotification: the RecordHooks get, in the
// recording transaction, the very message the topic receives.
func TestService_OnRecord_SameNotification(t *testing.T) {
	t.Parallel()
	b, p := notifying(t)
	var hooked []*notification.ItemChange
	b.svc.OnRecord(func(tx store.Tx, scope tenant.Scope, n *notification.ItemChange) error {
		require.NotNil(t, tx)
		require.Equal(t, acct, scope)
		hooked = append(hooked, n)
		return nil
	})
	b.record(t, acct, bucket("logs", "Off"))
	b.record(t, acct, bucket("logs", "Enabled"))
	got := p.all()
	require.Len(t, hooked, 2)
	require.Len(t, got, 2)
	for i, n := range hooked {
		raw, err := json.Marshal(n)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(raw, &m))
		require.Equal(t, got[i].Message, m)
	}
	require.Equal(t, int64(2), hooked[1].ConfigurationItem.ConfigurationStateID)
	require.Equal(t, b.clock.Now(), hooked[1].At)

	failing := setup(t)
	failing.svc.OnRecord(func(store.Tx, tenant.Scope, *notification.ItemChange) error { return errors.New("hook failed") })
	err := failing.store.Update(context.Background(), func(tx store.Tx) error {
		return failing.svc.Record(tx, acct, bucket("lost", "Off"))
	})
	require.ErrorContains(t, err, "hook failed")
	require.Nil(t, failing.current(t, acct, "AWS::S3::Bucket", "lost"), "a failing hook fails the recording")
}
