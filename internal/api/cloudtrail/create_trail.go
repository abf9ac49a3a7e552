package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

var _ = register("CreateTrail", func(a *api) awsproto.Handler { return awsproto.JSON(a.createTrail) })

type createTrailInput struct {
	Name          *string `json:"Name"`
	settingsInput `json:",inline"`
	TagsList      []tagShape `json:"TagsList"`
}

// settingsInput are the trail settings CreateTrail and UpdateTrail take.
type settingsInput struct {
	S3BucketName               *string `json:"S3BucketName"`
	S3KeyPrefix                *string `json:"S3KeyPrefix"`
	SnsTopicName               *string `json:"SnsTopicName"`
	IncludeGlobalServiceEvents *bool   `json:"IncludeGlobalServiceEvents"`
	IsMultiRegionTrail         *bool   `json:"IsMultiRegionTrail"`
	EnableLogFileValidation    *bool   `json:"EnableLogFileValidation"`
	IsOrganizationTrail        *bool   `json:"IsOrganizationTrail"`
	KmsKeyID                   *string `json:"KmsKeyId"`
	CloudWatchLogsLogGroupArn  *string `json:"CloudWatchLogsLogGroupArn"`
	CloudWatchLogsRoleArn      *string `json:"CloudWatchLogsRoleArn"`
}

func (in settingsInput) settings() ctdomain.Settings {
	return ctdomain.Settings{
		S3BucketName: in.S3BucketName, S3KeyPrefix: in.S3KeyPrefix, SnsTopicName: in.SnsTopicName,
		IncludeGlobalServiceEvents: in.IncludeGlobalServiceEvents, IsMultiRegionTrail: in.IsMultiRegionTrail,
		EnableLogFileValidation: in.EnableLogFileValidation, IsOrganizationTrail: in.IsOrganizationTrail,
		KmsKeyID: in.KmsKeyID, CloudWatchLogsLogGroupArn: in.CloudWatchLogsLogGroupArn,
		CloudWatchLogsRoleArn: in.CloudWatchLogsRoleArn,
	}
}

func (a *api) createTrail(ctx context.Context, in *createTrailInput) (*trailSettings, error) {
	if in.Name == nil {
		return nil, ctdomain.InvalidTrailName("Name is required.")
	}
	t, err := a.Trails.CreateTrail(ctx, scope(ctx), ctdomain.CreateTrailParams{
		Name:     *in.Name,
		Settings: in.settings(),
		Tags:     tagsIn(in.TagsList),
	})
	if err != nil {
		return nil, err
	}
	out := settingsOf(t)
	return &out, nil
}
