package configservice_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestPutDeliveryChannel_DescribeAndStatus(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	ch := &types.DeliveryChannel{Name: aws.String("main"), S3BucketName: aws.String("config-bucket"), S3KeyPrefix: aws.String("config"),
		SnsTopicARN:                      aws.String("arn:aws:sns:us-east-1:123456789012:config-topic"),
		ConfigSnapshotDeliveryProperties: &types.ConfigSnapshotDeliveryProperties{DeliveryFrequency: types.MaximumExecutionFrequencySixHours}}
	_, err := env.Config.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: ch})
	require.NoError(t, err)

	out, err := env.Config.DescribeDeliveryChannels(ctx, &configservice.DescribeDeliveryChannelsInput{})
	require.NoError(t, err)
	require.Len(t, out.DeliveryChannels, 1)
	got := out.DeliveryChannels[0]
	require.Equal(t, "main", aws.ToString(got.Name))
	require.Equal(t, "config-bucket", aws.ToString(got.S3BucketName))
	require.Equal(t, "config", aws.ToString(got.S3KeyPrefix))
	require.Equal(t, aws.ToString(ch.SnsTopicARN), aws.ToString(got.SnsTopicARN))
	require.Equal(t, types.MaximumExecutionFrequencySixHours, got.ConfigSnapshotDeliveryProperties.DeliveryFrequency)

	st, err := env.Config.DescribeDeliveryChannelStatus(ctx, &configservice.DescribeDeliveryChannelStatusInput{DeliveryChannelNames: []string{"main"}})
	require.NoError(t, err)
	require.Len(t, st.DeliveryChannelsStatus, 1)
	require.Equal(t, "main", aws.ToString(st.DeliveryChannelsStatus[0].Name))
	require.Equal(t, types.DeliveryStatus("NOT_APPLICABLE"), st.DeliveryChannelsStatus[0].ConfigStreamDeliveryInfo.LastStatus)

	ch.S3BucketName = aws.String("other-bucket")
	_, err = env.Config.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: ch})
	require.NoError(t, err, "putting the same name updates the channel")
	_, err = env.Config.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &types.DeliveryChannel{S3BucketName: aws.String("b")}})
	salvetest.RequireAPIError(t, err, "MaxNumberOfDeliveryChannelsExceededException", "'default'")

	_, err = env.Config.DeleteDeliveryChannel(ctx, &configservice.DeleteDeliveryChannelInput{DeliveryChannelName: aws.String("main")})
	require.NoError(t, err, "the implicit recorder does not hold the channel")
	out, err = env.Config.DescribeDeliveryChannels(ctx, &configservice.DescribeDeliveryChannelsInput{})
	require.NoError(t, err)
	require.Empty(t, out.DeliveryChannels)
}

func TestPutDeliveryChannel_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	tests := []struct {
		name, code, fragment string
		ch                   *types.DeliveryChannel
	}{
		{"NoBucket", "NoSuchBucketException", "empty bucket name", &types.DeliveryChannel{}},
		{"BlankName", "InvalidDeliveryChannelNameException", "blank", &types.DeliveryChannel{Name: aws.String(" "), S3BucketName: aws.String("b")}},
		{"EmptyPrefix", "InvalidS3KeyPrefixException", "prefix", &types.DeliveryChannel{S3BucketName: aws.String("b"), S3KeyPrefix: aws.String("")}},
		{"BadTopic", "InvalidSNSTopicARNException", "topic", &types.DeliveryChannel{S3BucketName: aws.String("b"), SnsTopicARN: aws.String("my-topic")}},
		{"BadKMSKey", "InvalidS3KmsKeyArnException", "kms", &types.DeliveryChannel{S3BucketName: aws.String("b"), S3KmsKeyArn: aws.String("alias/x")}},
		{"BadFrequency", "ValidationException", "deliveryFrequency", &types.DeliveryChannel{S3BucketName: aws.String("b"),
			ConfigSnapshotDeliveryProperties: &types.ConfigSnapshotDeliveryProperties{DeliveryFrequency: "Daily"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: tt.ch})
			salvetest.RequireAPIError(t, err, tt.code, tt.fragment)
		})
	}
	t.Run("Unknown", func(t *testing.T) {
		t.Parallel()
		_, err := env.Config.DescribeDeliveryChannels(ctx, &configservice.DescribeDeliveryChannelsInput{DeliveryChannelNames: []string{"nope"}})
		salvetest.RequireAPIError(t, err, "NoSuchDeliveryChannelException", "'nope'")
		_, err = env.Config.DescribeDeliveryChannelStatus(ctx, &configservice.DescribeDeliveryChannelStatusInput{DeliveryChannelNames: []string{"nope"}})
		salvetest.RequireAPIError(t, err, "NoSuchDeliveryChannelException")
		_, err = env.Config.DeleteDeliveryChannel(ctx, &configservice.DeleteDeliveryChannelInput{DeliveryChannelName: aws.String("nope")})
		salvetest.RequireAPIError(t, err, "NoSuchDeliveryChannelException")
	})
}
