package sns

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// Protocols are the subscription protocols SNS accepts.
var Protocols = []string{"http", "https", "email", "email-json", "sms", "sqs", "application", "lambda", "firehose"}

var (
	phonePattern = regexp.MustCompile(`^\+?[0-9]{7,15}$`)
	emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// checkEndpoint validates a subscription's protocol, endpoint and
// attributes.
func checkEndpoint(protocol, endpoint string, attrs map[string]string) error {
	if err := checkEndpointFor(protocol, endpoint); err != nil {
		return err
	}
	for k, v := range attrs {
		if err := checkSubscriptionAttribute(k, v); err != nil {
			return err
		}
	}
	if protocol == "firehose" && attrs["SubscriptionRoleArn"] == "" {
		return invalid("Attributes Reason: SubscriptionRoleArn is required for firehose subscriptions")
	}
	return nil
}

func checkEndpointFor(protocol, endpoint string) error {
	ok := true
	switch protocol {
	case "http", "https":
		ok = strings.HasPrefix(endpoint, protocol+"://") && len(endpoint) > len(protocol)+3
	case "email", "email-json":
		ok = emailPattern.MatchString(endpoint)
	case "sms":
		ok = phonePattern.MatchString(endpoint)
	case "sqs", "lambda", "firehose":
		ok = strings.HasPrefix(endpoint, "arn:") && strings.Contains(endpoint, ":"+protocol+":")
	case "application":
		ok = strings.HasPrefix(endpoint, "arn:") && strings.Contains(endpoint, ":sns:") && strings.Contains(endpoint, ":endpoint/")
	default:
		return invalid("Amazon SNS does not support this protocol string: %s", protocol)
	}
	if !ok {
		return invalid("Endpoint Reason: %q is not a valid %s endpoint", endpoint, protocol)
	}
	return nil
}

// checkSubscriptionAttribute validates one subscription attribute.
func checkSubscriptionAttribute(name, value string) error {
	switch name {
	case "RawMessageDelivery":
		return checkBool(name, value)
	case "FilterPolicy", "RedrivePolicy", "DeliveryPolicy", "ReplayPolicy":
		return checkJSONAttribute(name, value)
	case "FilterPolicyScope":
		return checkOneOf(name, value, "MessageAttributes", "MessageBody")
	case "SubscriptionRoleArn":
		return nil
	}
	return invalid("AttributeName")
}

// subscriptionAttributes returns every attribute GetSubscriptionAttributes
// reports.
func subscriptionAttributes(sub *Subscription) map[string]string {
	out := map[string]string{
		"SubscriptionArn":              sub.ARN,
		"TopicArn":                     sub.TopicARN,
		"Owner":                        sub.Owner,
		"Protocol":                     sub.Protocol,
		"Endpoint":                     sub.Endpoint,
		"PendingConfirmation":          strconv.FormatBool(!sub.Confirmed),
		"ConfirmationWasAuthenticated": strconv.FormatBool(sub.Confirmed),
		"RawMessageDelivery":           "false",
	}
	if sub.Protocol == "http" || sub.Protocol == "https" {
		out["EffectiveDeliveryPolicy"] = defaultEffectiveDeliveryPolicy
	}
	for k, v := range sub.Attributes {
		out[k] = v
	}
	if _, ok := sub.Attributes["FilterPolicy"]; ok && sub.Attributes["FilterPolicyScope"] == "" {
		out["FilterPolicyScope"] = "MessageAttributes"
	}
	return out
}

// isJSONObject reports whether s is a JSON object.
func isJSONObject(s string) (map[string]any, bool) {
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil || v == nil {
		return nil, false
	}
	return v, true
}
