package discovery

import (
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

// trails discovers the trails whose home is the scope's region (a
// multi-region trail is listed in every region, and recorded in its home).
func (sc *scan) trails() {
	out := sc.call("cloudtrail", "DescribeTrails", map[string]any{})
	sc.list(cloudtrail.ResourceType, out != nil)
	for _, t := range objs(out, "trailList") {
		arn := str(t, "TrailARN")
		if arn == "" || (str(t, "HomeRegion") != "" && str(t, "HomeRegion") != sc.scope.Region) {
			continue
		}
		sc.add(cloudtrail.ResourceType, arn, sc.trail(t))
	}
}

// trail reads a trail's tags and builds its item; nil when that failed.
func (sc *scan) trail(t map[string]any) *configitem.Item {
	out := sc.call("cloudtrail", "ListTags", map[string]any{"ResourceIdList": []any{str(t, "TrailARN")}})
	if out == nil {
		return nil
	}
	var tags []tag
	for _, r := range objs(out, "ResourceTagList") {
		tags = append(tags, tagPairs(r, "TagsList")...)
	}
	return trailItem(t, tags)
}

func trailItem(t map[string]any, tags []tag) *configitem.Item {
	arn := str(t, "TrailARN")
	return &configitem.Item{ResourceType: cloudtrail.ResourceType, ResourceID: arn, ResourceName: str(t, "Name"),
		ARN: arn, AvailabilityZone: "Regional", Tags: tagMap(tags),
		Configuration: map[string]any{
			"name":                       str(t, "Name"),
			"trailARN":                   arn,
			"s3BucketName":               str(t, "S3BucketName"),
			"s3KeyPrefix":                nullable(t, "S3KeyPrefix"),
			"snsTopicName":               nullable(t, "SnsTopicName"),
			"snsTopicARN":                nullable(t, "SnsTopicARN"),
			"includeGlobalServiceEvents": boolean(t, "IncludeGlobalServiceEvents"),
			"isMultiRegionTrail":         boolean(t, "IsMultiRegionTrail"),
			"homeRegion":                 str(t, "HomeRegion"),
			"logFileValidationEnabled":   boolean(t, "LogFileValidationEnabled"),
			"cloudWatchLogsLogGroupArn":  nullable(t, "CloudWatchLogsLogGroupArn"),
			"cloudWatchLogsRoleArn":      nullable(t, "CloudWatchLogsRoleArn"),
			"kmsKeyId":                   nullable(t, "KmsKeyId"),
			"hasCustomEventSelectors":    boolean(t, "HasCustomEventSelectors"),
			"hasInsightSelectors":        boolean(t, "HasInsightSelectors"),
			"isOrganizationTrail":        boolean(t, "IsOrganizationTrail"),
		}}
}
