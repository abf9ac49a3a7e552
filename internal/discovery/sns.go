package discovery

import (
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/sandbox/sns"
)

// topics discovers the region's SNS topics.
func (sc *scan) topics() {
	var arns []string
	ok := sc.pages("sns", "ListTopics", nil, tokenPaging, func(out map[string]any) {
		for _, t := range objs(out, "Topics") {
			arns = append(arns, str(t, "TopicArn"))
		}
	})
	sc.list(sns.ResourceTypeTopic, ok)
	for _, arn := range arns {
		if arn != "" {
			sc.add(sns.ResourceTypeTopic, arn, sc.topic(arn))
		}
	}
}

// topic reads a topic's attributes and tags and builds its item; nil when
// a call failed.
func (sc *scan) topic(arn string) *configitem.Item {
	in := map[string]any{"TopicArn": arn}
	attrs := sc.call("sns", "GetTopicAttributes", in)
	if attrs == nil {
		return nil
	}
	tags := sc.call("sns", "ListTagsForResource", map[string]any{"ResourceArn": arn})
	if tags == nil {
		return nil
	}
	return topicItem(arn, obj(attrs, "Attributes"), tagPairs(tags, "Tags"))
}

func topicItem(arn string, attrs map[string]any, tags []tag) *configitem.Item {
	list := make([]any, 0, len(tags))
	for _, t := range tags {
		list = append(list, map[string]any{"Key": t.key, "Value": t.value})
	}
	confirmed, _ := strconv.Atoi(str(attrs, "SubscriptionsConfirmed"))
	cfg := map[string]any{"TopicArn": arn, "DisplayName": str(attrs, "DisplayName"), "Policy": str(attrs, "Policy"),
		"SubscriptionsConfirmed": confirmed, "Tags": list}
	if k := str(attrs, "KmsMasterKeyId"); k != "" {
		cfg["KmsMasterKeyId"] = k
	}
	if str(attrs, "FifoTopic") == "true" {
		cfg["FifoTopic"] = true
		cfg["ContentBasedDeduplication"] = str(attrs, "ContentBasedDeduplication") == "true"
	}
	return &configitem.Item{ResourceType: sns.ResourceTypeTopic, ResourceID: arn, ResourceName: arn[strings.LastIndexByte(arn, ':')+1:],
		ARN: arn, AvailabilityZone: "Regional", Tags: tagMap(tags), Configuration: cfg}
}
