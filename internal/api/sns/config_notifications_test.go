package sns_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/require"

	apisns "github.com/salvehq/salve/internal/api/sns"
	"github.com/salvehq/salve/internal/salvetest"
)

// TestConfigDeliveryChannel_NotifiesSubscribers drives the whole server:
// a delivery channel names an SNS topic with a confirmed http subscriber;
// creating a bucket POSTs a ConfigurationItemChangeNotification to it, and
// the rule's verdict on the bucket a ComplianceChangeNotification.
func TestConfigDeliveryChannel_NotifiesSubscribers(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	cfg := env.AWSConfig("AKIDSALVETEST", "secret", "us-east-1")
	snsc := sns.NewFromConfig(cfg)
	s3c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	deliver := func(posts int) {
		t.Helper()
		n, err := env.Salve.Deliveries.Tick(ctx)
		require.NoError(t, err)
		require.Equal(t, posts, n, "POSTs made")
	}

	ep := newEndpoint(t)
	topic, err := snsc.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("config-topic")})
	require.NoError(t, err)
	_, err = snsc.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("http"), Endpoint: aws.String(ep.URL)})
	require.NoError(t, err)
	deliver(1)
	_, confirmation := ep.last(t)
	visit(t, confirmation.SubscribeURL)

	_, err = env.Config.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &cfgtypes.DeliveryChannel{
		Name: aws.String("default"), S3BucketName: aws.String("config-bucket"), SnsTopicARN: topic.TopicArn}})
	require.NoError(t, err)
	_, err = env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &cfgtypes.ConfigRule{
		ConfigRuleName: aws.String("s3-encrypted"),
		Source:         &cfgtypes.Source{Owner: cfgtypes.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")},
	}})
	require.NoError(t, err)

	_, err = s3c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("notify-me")})
	require.NoError(t, err)
	deliver(1)
	p, m := ep.last(t)
	require.Equal(t, "Notification", p.Header.Get("x-amz-sns-message-type"))
	require.Equal(t, "[AWS Config:us-east-1] AWS::S3::Bucket notify-me Created in Account 123456789012", m.Subject)
	var change struct {
		MessageType           string `json:"messageType"`
		RecordVersion         string `json:"recordVersion"`
		ConfigurationItemDiff struct {
			ChangeType string `json:"changeType"`
		} `json:"configurationItemDiff"`
		ConfigurationItem struct {
			ResourceType  string         `json:"resourceType"`
			ResourceID    string         `json:"resourceId"`
			AWSAccountID  string         `json:"awsAccountId"`
			Configuration map[string]any `json:"configuration"`
		} `json:"configurationItem"`
	}
	require.NoError(t, json.Unmarshal([]byte(m.Message), &change), m.Message)
	require.Equal(t, "ConfigurationItemChangeNotification", change.MessageType)
	require.Equal(t, "1.3", change.RecordVersion)
	require.Equal(t, "CREATE", change.ConfigurationItemDiff.ChangeType)
	require.Equal(t, "AWS::S3::Bucket", change.ConfigurationItem.ResourceType)
	require.Equal(t, "notify-me", change.ConfigurationItem.ResourceID)
	require.Equal(t, "123456789012", change.ConfigurationItem.AWSAccountID)
	require.Equal(t, "notify-me", change.ConfigurationItem.Configuration["name"])

	env.Evaluate(t)
	deliver(1)
	_, m = ep.last(t)
	var compliance struct {
		MessageType         string `json:"messageType"`
		ConfigRuleName      string `json:"configRuleName"`
		ConfigRuleARN       string `json:"configRuleARN"`
		ResourceID          string `json:"resourceId"`
		NewEvaluationResult struct {
			ComplianceType string `json:"complianceType"`
		} `json:"newEvaluationResult"`
		OldEvaluationResult any `json:"oldEvaluationResult"`
	}
	require.NoError(t, json.Unmarshal([]byte(m.Message), &compliance), m.Message)
	require.Equal(t, "ComplianceChangeNotification", compliance.MessageType)
	require.Equal(t, "s3-encrypted", compliance.ConfigRuleName)
	require.Contains(t, compliance.ConfigRuleARN, ":config-rule/")
	require.Equal(t, "notify-me", compliance.ResourceID)
	require.Equal(t, "NON_COMPLIANT", compliance.NewEvaluationResult.ComplianceType)
	require.Nil(t, compliance.OldEvaluationResult)
	require.Equal(t, "[AWS Config:us-east-1] AWS::S3::Bucket notify-me is NON_COMPLIANT with s3-encrypted in Account 12...",
		m.Subject, "subjects are cut at SNS's 100 characters")

	resp, err := http.Get(env.URL + "/_salve/deliveries?kind=sns-http&state=DELIVERED")
	require.NoError(t, err)
	defer resp.Body.Close()
	var ds apisns.DeliveriesResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&ds))
	require.Len(t, ds.Deliveries, 3, "the confirmation and both notifications, through Salve's endpoint")
}
