package sns

import (
	"github.com/salvehq/salve/internal/configitem"
)

// ResourceTypeTopic is the configuration item type of topics.
const ResourceTypeTopic = "AWS::SNS::Topic"

// recordTopic records a topic's configuration item (SNS items keep AWS's
// PascalCase member names).
func (t *txn) recordTopic(top *Topic, status string) error {
	it := &configitem.Item{ResourceType: ResourceTypeTopic, ResourceID: top.ARN, ResourceName: top.Name,
		ARN: top.ARN, AvailabilityZone: "Regional", ResourceCreationTime: top.CreatedAt, Status: status}
	if len(top.Tags) > 0 {
		it.Tags = make(map[string]string, len(top.Tags))
		for _, tag := range top.Tags {
			it.Tags[tag.Key] = tag.Value
		}
	}
	if status != configitem.StatusResourceDeleted {
		n, err := t.counts(top.Name)
		if err != nil {
			return err
		}
		it.Configuration = topicConfiguration(top, t.scope.AccountID, n)
	}
	return t.record(it)
}

func topicConfiguration(top *Topic, account string, n subscriptionCounts) map[string]any {
	tags := make([]any, 0, len(top.Tags))
	for _, tag := range top.Tags {
		tags = append(tags, map[string]any{"Key": tag.Key, "Value": tag.Value})
	}
	c := map[string]any{
		"TopicArn":               top.ARN,
		"DisplayName":            top.Attributes[AttrDisplayName],
		"Policy":                 top.policy(account),
		"SubscriptionsConfirmed": n.Confirmed,
		"Tags":                   tags,
	}
	if k := top.Attributes[AttrKmsMasterKeyID]; k != "" {
		c["KmsMasterKeyId"] = k
	}
	if top.Fifo() {
		c["FifoTopic"] = true
		c["ContentBasedDeduplication"] = top.Attributes[AttrContentBasedDeduplication] == "true"
	}
	return c
}
