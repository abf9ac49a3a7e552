package cloudtrail

import (
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

// trailSettings are the members CreateTrail and UpdateTrail answer with.
type trailSettings struct {
	Name                       string `json:"Name"`
	S3BucketName               string `json:"S3BucketName"`
	S3KeyPrefix                string `json:"S3KeyPrefix,omitempty"`
	SnsTopicName               string `json:"SnsTopicName,omitempty"`
	SnsTopicARN                string `json:"SnsTopicARN,omitempty"`
	IncludeGlobalServiceEvents bool   `json:"IncludeGlobalServiceEvents"`
	IsMultiRegionTrail         bool   `json:"IsMultiRegionTrail"`
	TrailARN                   string `json:"TrailARN"`
	LogFileValidationEnabled   bool   `json:"LogFileValidationEnabled"`
	CloudWatchLogsLogGroupArn  string `json:"CloudWatchLogsLogGroupArn,omitempty"`
	CloudWatchLogsRoleArn      string `json:"CloudWatchLogsRoleArn,omitempty"`
	KmsKeyID                   string `json:"KmsKeyId,omitempty"`
	IsOrganizationTrail        bool   `json:"IsOrganizationTrail"`
}

// trailShape is the Trail shape (GetTrail, DescribeTrails).
type trailShape struct {
	trailSettings
	HomeRegion              string `json:"HomeRegion"`
	HasCustomEventSelectors bool   `json:"HasCustomEventSelectors"`
	HasInsightSelectors     bool   `json:"HasInsightSelectors"`
}

func settingsOf(t *ctdomain.Trail) trailSettings {
	return trailSettings{
		Name: t.Name, S3BucketName: t.S3BucketName, S3KeyPrefix: t.S3KeyPrefix,
		SnsTopicName: t.SnsTopicName, SnsTopicARN: t.SnsTopicARN,
		IncludeGlobalServiceEvents: t.IncludeGlobalServiceEvents, IsMultiRegionTrail: t.IsMultiRegionTrail,
		TrailARN: t.ARN(), LogFileValidationEnabled: t.LogFileValidationEnabled,
		CloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn: t.CloudWatchLogsRoleArn,
		KmsKeyID: t.KmsKeyID,
	}
}

func trailOf(t *ctdomain.Trail) trailShape {
	return trailShape{trailSettings: settingsOf(t), HomeRegion: t.HomeRegion,
		HasCustomEventSelectors: t.HasCustomEventSelectors}
}

// tagShape is the Tag shape.
type tagShape struct {
	Key   *string `json:"Key,omitempty"`
	Value *string `json:"Value,omitempty"`
}

func tagsIn(in []tagShape) []ctdomain.Tag {
	if in == nil {
		return nil
	}
	out := make([]ctdomain.Tag, 0, len(in))
	for _, t := range in {
		out = append(out, ctdomain.Tag{Key: deref(t.Key), Value: t.Value})
	}
	return out
}

func tagsOut(in []ctdomain.Tag) []tagShape {
	out := make([]tagShape, 0, len(in))
	for _, t := range in {
		out = append(out, tagShape{Key: &t.Key, Value: t.Value})
	}
	return out
}
