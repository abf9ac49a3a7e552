package sns

import "time"

// Tag is one key/value tag.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// Topic is an SNS topic.
type Topic struct {
	Name string `json:"Name"`
	ARN  string `json:"Arn"`
	// Attributes are the attributes set on the topic (not the computed
	// ones such as Owner or SubscriptionsConfirmed).
	Attributes map[string]string `json:"Attributes,omitempty"`
	Tags       []Tag             `json:"Tags,omitempty"`
	CreatedAt  time.Time         `json:"CreatedAt"`
	// Sequence counts the messages published: it numbers delivery records
	// and FIFO sequence numbers.
	Sequence int64 `json:"Sequence"`
}

// Fifo reports whether the topic is a FIFO topic.
func (t *Topic) Fifo() bool { return t.Attributes[AttrFifoTopic] == "true" }

// Subscription is a topic's subscription: recorded, never delivered to.
type Subscription struct {
	ARN        string            `json:"Arn"`
	TopicARN   string            `json:"TopicArn"`
	Protocol   string            `json:"Protocol"`
	Endpoint   string            `json:"Endpoint"`
	Owner      string            `json:"Owner"`
	Attributes map[string]string `json:"Attributes,omitempty"`
	// Confirmed is false while an http, https or email subscription waits
	// for ConfirmSubscription.
	Confirmed bool `json:"Confirmed"`
	// Token is the confirmation token sent in the SubscriptionConfirmation
	// delivery record.
	Token     string    `json:"Token,omitempty"`
	CreatedAt time.Time `json:"CreatedAt"`
}

// MessageAttribute is one message attribute of a published message.
type MessageAttribute struct {
	DataType    string `json:"DataType"`
	StringValue string `json:"StringValue,omitempty"`
	BinaryValue []byte `json:"BinaryValue,omitempty"`
}

// Delivery types.
const (
	DeliveryNotification             = "Notification"
	DeliverySubscriptionConfirmation = "SubscriptionConfirmation"
)

// Delivery is what SNS would have sent to a topic's subscribers: a
// published message (Type Notification) or the confirmation request of a
// new http, https or email subscription (Type SubscriptionConfirmation).
type Delivery struct {
	Type                   string                      `json:"Type"`
	TopicARN               string                      `json:"TopicArn"`
	MessageID              string                      `json:"MessageId"`
	Subject                string                      `json:"Subject,omitempty"`
	Message                string                      `json:"Message"`
	MessageStructure       string                      `json:"MessageStructure,omitempty"`
	MessageAttributes      map[string]MessageAttribute `json:"MessageAttributes,omitempty"`
	MessageGroupID         string                      `json:"MessageGroupId,omitempty"`
	MessageDeduplicationID string                      `json:"MessageDeduplicationId,omitempty"`
	SequenceNumber         string                      `json:"SequenceNumber,omitempty"`
	Timestamp              time.Time                   `json:"Timestamp"`
	// SubscriptionARN and Token are set on confirmation requests.
	SubscriptionARN string `json:"SubscriptionArn,omitempty"`
	Token           string `json:"Token,omitempty"`
}
