package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutDeliveryChannel", func(a *api) awsproto.Handler { return awsproto.JSON(a.putDeliveryChannel) })

// DeliveryChannel is the DeliveryChannel shape.
type DeliveryChannel struct {
	Name                             *string                           `json:"name,omitempty"`
	S3BucketName                     *string                           `json:"s3BucketName,omitempty"`
	S3KeyPrefix                      *string                           `json:"s3KeyPrefix,omitempty"`
	S3KmsKeyArn                      *string                           `json:"s3KmsKeyArn,omitempty"`
	SnsTopicARN                      *string                           `json:"snsTopicARN,omitempty"`
	ConfigSnapshotDeliveryProperties *ConfigSnapshotDeliveryProperties `json:"configSnapshotDeliveryProperties,omitempty"`
}

// ConfigSnapshotDeliveryProperties is the ConfigSnapshotDeliveryProperties
// shape.
type ConfigSnapshotDeliveryProperties struct {
	DeliveryFrequency *string `json:"deliveryFrequency,omitempty"`
}

type putDeliveryChannelInput struct {
	DeliveryChannel *DeliveryChannel `json:"DeliveryChannel,omitempty"`
}

type putDeliveryChannelOutput struct{}

func (a *api) putDeliveryChannel(ctx context.Context, in *putDeliveryChannelInput) (*putDeliveryChannelOutput, error) {
	var v validate.Errors
	if c := in.DeliveryChannel; v.Required("deliveryChannel", c != nil) {
		// An empty name is InvalidDeliveryChannelNameException, from the domain.
		v.String("deliveryChannel.name", c.Name, 0, 256)
		if p := c.ConfigSnapshotDeliveryProperties; p != nil {
			v.OptionalEnum("deliveryChannel.configSnapshotDeliveryProperties.deliveryFrequency", p.DeliveryFrequency, frequencyValues...)
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Recorder.PutDeliveryChannel(ctx, scope(ctx), toDeliveryChannel(in.DeliveryChannel)); err != nil {
		return nil, err
	}
	return &putDeliveryChannelOutput{}, nil
}

func toDeliveryChannel(c *DeliveryChannel) recorder.DeliveryChannel {
	out := recorder.DeliveryChannel{Name: recorder.DefaultName, S3BucketName: valueOrEmpty(c.S3BucketName),
		S3KeyPrefix: c.S3KeyPrefix, S3KmsKeyARN: c.S3KmsKeyArn, SNSTopicARN: c.SnsTopicARN}
	if c.Name != nil {
		out.Name = *c.Name
	}
	if p := c.ConfigSnapshotDeliveryProperties; p != nil {
		out.DeliveryFrequency = valueOrEmpty(p.DeliveryFrequency)
	}
	return out
}

// fromDeliveryChannel renders a stored channel.
func fromDeliveryChannel(c *recorder.DeliveryChannel) DeliveryChannel {
	out := DeliveryChannel{Name: &c.Name, S3BucketName: &c.S3BucketName, S3KeyPrefix: c.S3KeyPrefix,
		S3KmsKeyArn: c.S3KmsKeyARN, SnsTopicARN: c.SNSTopicARN}
	if c.DeliveryFrequency != "" {
		out.ConfigSnapshotDeliveryProperties = &ConfigSnapshotDeliveryProperties{DeliveryFrequency: &c.DeliveryFrequency}
	}
	return out
}
