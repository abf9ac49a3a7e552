package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

var _ = register("UpdateTrail", func(a *api) awsproto.Handler { return awsproto.JSON(a.updateTrail) })

type updateTrailInput struct {
	Name                       *string `json:"Name"`
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

func (a *api) updateTrail(ctx context.Context, in *updateTrailInput) (*trailSettings, error) {
	ref, err := trailRef("Name", in.Name)
	if err != nil {
		return nil, err
	}
	t, err := a.Trails.UpdateTrail(ctx, scope(ctx), ctdomain.UpdateTrailParams{
		Name: ref,
		Settings: ctdomain.Settings{
			S3BucketName: in.S3BucketName, S3KeyPrefix: in.S3KeyPrefix, SnsTopicName: in.SnsTopicName,
			IncludeGlobalServiceEvents: in.IncludeGlobalServiceEvents, IsMultiRegionTrail: in.IsMultiRegionTrail,
			EnableLogFileValidation: in.EnableLogFileValidation, IsOrganizationTrail: in.IsOrganizationTrail,
			KmsKeyID: in.KmsKeyID, CloudWatchLogsLogGroupArn: in.CloudWatchLogsLogGroupArn,
			CloudWatchLogsRoleArn: in.CloudWatchLogsRoleArn,
		},
	})
	if err != nil {
		return nil, err
	}
	out := settingsOf(t)
	return &out, nil
}
