package cloudtrail

import (
	"maps"
	"reflect"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// ResourceType is the Config resource type of a trail.
const ResourceType = "AWS::CloudTrail::Trail"

// configuration returns the trail's configuration as AWS Config records it
// (docs/CONFIGURATION_ITEMS.md). Its logging state is not part of it.
func configuration(t *Trail) map[string]any {
	return map[string]any{
		"name":                       t.Name,
		"trailARN":                   t.ARN(),
		"s3BucketName":               t.S3BucketName,
		"s3KeyPrefix":                orNil(t.S3KeyPrefix),
		"snsTopicName":               orNil(t.SnsTopicName),
		"snsTopicARN":                orNil(t.SnsTopicARN),
		"includeGlobalServiceEvents": t.IncludeGlobalServiceEvents,
		"isMultiRegionTrail":         t.IsMultiRegionTrail,
		"homeRegion":                 t.HomeRegion,
		"logFileValidationEnabled":   t.LogFileValidationEnabled,
		"cloudWatchLogsLogGroupArn":  orNil(t.CloudWatchLogsLogGroupArn),
		"cloudWatchLogsRoleArn":      orNil(t.CloudWatchLogsRoleArn),
		"kmsKeyId":                   orNil(t.KmsKeyID),
		"hasCustomEventSelectors":    t.HasCustomEventSelectors,
		"hasInsightSelectors":        false,
		"isOrganizationTrail":        false,
	}
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// item returns the trail's configuration item with the given status.
func item(t *Trail, status string, now time.Time) *configitem.Item {
	it := &configitem.Item{
		ResourceType: ResourceType, ResourceID: t.ARN(), ResourceName: t.Name, ARN: t.ARN(),
		AvailabilityZone: "Regional", ResourceCreationTime: t.CreatedAt, Status: status, CaptureTime: now,
		Tags: t.TagMap(),
	}
	if status != configitem.StatusResourceDeleted {
		it.Configuration = configuration(t)
	}
	return it
}

// recordChange records the trail's new item when its configuration or tags
// differ from before's; it reports whether it recorded one.
func (s *Service) recordChange(tx store.Tx, before, after *Trail, now time.Time) (bool, error) {
	if reflect.DeepEqual(configuration(before), configuration(after)) && maps.Equal(before.TagMap(), after.TagMap()) {
		return false, nil
	}
	return true, s.sink.Record(tx, after.home(), item(after, configitem.StatusOK, now))
}
