package sns

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Topic attribute names with rules of their own.
const (
	AttrDisplayName               = "DisplayName"
	AttrPolicy                    = "Policy"
	AttrDeliveryPolicy            = "DeliveryPolicy"
	AttrKmsMasterKeyID            = "KmsMasterKeyId"
	AttrFifoTopic                 = "FifoTopic"
	AttrContentBasedDeduplication = "ContentBasedDeduplication"
	AttrTracingConfig             = "TracingConfig"
	AttrSignatureVersion          = "SignatureVersion"
	AttrArchivePolicy             = "ArchivePolicy"
	AttrFifoThroughputScope       = "FifoThroughputScope"
)

// feedbackProtocols are the protocols with delivery status logging
// attributes (<Protocol>SuccessFeedbackRoleArn, …SampleRate,
// …FailureFeedbackRoleArn).
var feedbackProtocols = []string{"Application", "HTTP", "Lambda", "SQS", "Firehose"}

// checkTopicAttribute validates one topic attribute; creating says whether
// the topic is being created (FifoTopic can only be set then).
func checkTopicAttribute(name, value string, fifo, creating bool) error {
	switch name {
	case AttrDisplayName:
		if utf8.RuneCountInString(value) > 100 {
			return invalid("DisplayName")
		}
	case AttrPolicy, AttrDeliveryPolicy, AttrArchivePolicy:
		return checkJSONAttribute(name, value)
	case AttrKmsMasterKeyID:
	case AttrFifoTopic:
		if !creating {
			return invalid("AttributeName Reason: FifoTopic can only be set when the topic is created")
		}
		return checkBool(name, value)
	case AttrContentBasedDeduplication, AttrFifoThroughputScope:
		return checkFifoAttribute(name, value, fifo)
	case AttrTracingConfig:
		return checkOneOf(name, value, "PassThrough", "Active")
	case AttrSignatureVersion:
		return checkOneOf(name, value, "1", "2")
	default:
		return checkFeedbackAttribute(name, value)
	}
	return nil
}

func checkFifoAttribute(name, value string, fifo bool) error {
	if !fifo {
		return invalid("%s Reason: %s can only be set for FIFO topics", name, name)
	}
	if name == AttrFifoThroughputScope {
		return checkOneOf(name, value, "Topic", "MessageGroup")
	}
	return checkBool(name, value)
}

func checkFeedbackAttribute(name, value string) error {
	for _, p := range feedbackProtocols {
		switch name {
		case p + "SuccessFeedbackRoleArn", p + "FailureFeedbackRoleArn":
			return nil
		case p + "SuccessFeedbackSampleRate":
			if n, err := strconv.Atoi(value); err != nil || n < 0 || n > 100 {
				return invalid("Attribute %s: must be an integer from 0 to 100", name)
			}
			return nil
		}
	}
	return invalid("AttributeName")
}

func checkJSONAttribute(name, value string) error {
	if value == "" {
		return nil
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(value), &v); err != nil {
		return invalid("%s: failed to parse JSON: %v", name, err)
	}
	return nil
}

func checkBool(name, value string) error {
	return checkOneOf(name, value, "true", "false")
}

func checkOneOf(name, value string, allowed ...string) error {
	for _, a := range allowed {
		if strings.EqualFold(value, a) {
			return nil
		}
	}
	return invalid("Attribute %s: Invalid value %s (valid values: %s)", name, value, strings.Join(allowed, ", "))
}

// defaultPolicy is the access policy of a topic that was given none.
func defaultPolicy(arn, account string) string {
	return `{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID",` +
		`"Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes",` +
		`"SNS:AddPermission","SNS:RemovePermission","SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic",` +
		`"SNS:Publish"],"Resource":"` + arn + `","Condition":{"StringEquals":{"AWS:SourceOwner":"` + account + `"}}}]}`
}

// defaultEffectiveDeliveryPolicy is what AWS reports for a topic without
// a delivery policy.
const defaultEffectiveDeliveryPolicy = `{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,` +
	`"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,` +
	`"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":` +
	`{"headerContentType":"text/plain; charset=UTF-8"}}}`

// policy returns the topic's access policy (its own or the default).
func (t *Topic) policy(account string) string {
	if p := t.Attributes[AttrPolicy]; p != "" {
		return p
	}
	return defaultPolicy(t.ARN, account)
}

// subscriptionCounts are the counts GetTopicAttributes reports.
type subscriptionCounts struct{ Confirmed, Pending int }

// topicAttributes returns every attribute GetTopicAttributes reports.
func topicAttributes(top *Topic, account string, n subscriptionCounts) map[string]string {
	out := map[string]string{
		"TopicArn":                top.ARN,
		"Owner":                   account,
		AttrPolicy:                top.policy(account),
		AttrDisplayName:           "",
		"SubscriptionsConfirmed":  strconv.Itoa(n.Confirmed),
		"SubscriptionsPending":    strconv.Itoa(n.Pending),
		"SubscriptionsDeleted":    "0",
		"EffectiveDeliveryPolicy": defaultEffectiveDeliveryPolicy,
	}
	if top.Fifo() {
		out[AttrContentBasedDeduplication] = "false"
	}
	for k, v := range top.Attributes {
		if v != "" || k == AttrDisplayName {
			out[k] = v
		}
	}
	if p := top.Attributes[AttrDeliveryPolicy]; p != "" {
		out["EffectiveDeliveryPolicy"] = p
	}
	return out
}
