package audit

import (
	"time"

	"github.com/salvehq/salve/internal/configitem"
)

// EventVersion is the CloudTrail record format version of every event.
const EventVersion = "1.08"

// Event is one recorded call in CloudTrail's record format: its JSON is
// LookupEvents' CloudTrailEvent.
type Event struct {
	EventVersion      string       `json:"eventVersion"`
	UserIdentity      UserIdentity `json:"userIdentity"`
	EventTime         string       `json:"eventTime"`
	EventSource       string       `json:"eventSource"`
	EventName         string       `json:"eventName"`
	AWSRegion         string       `json:"awsRegion"`
	SourceIPAddress   string       `json:"sourceIPAddress"`
	UserAgent         string       `json:"userAgent"`
	ErrorCode         string       `json:"errorCode,omitempty"`
	ErrorMessage      string       `json:"errorMessage,omitempty"`
	RequestParameters any          `json:"requestParameters"`
	ResponseElements  any          `json:"responseElements"`
	// AdditionalEventData holds Salve's additions: automationExecutionId,
	// configurationBefore / configurationAfter (see Change).
	AdditionalEventData map[string]any  `json:"additionalEventData,omitempty"`
	RequestID           string          `json:"requestID"`
	EventID             string          `json:"eventID"`
	ReadOnly            bool            `json:"readOnly"`
	Resources           []EventResource `json:"resources,omitempty"`
	EventType           string          `json:"eventType"`
	ManagementEvent     bool            `json:"managementEvent"`
	RecipientAccountID  string          `json:"recipientAccountId"`
	EventCategory       string          `json:"eventCategory"`
}

// UserIdentity is who made the call.
type UserIdentity struct {
	// Type is Root, IAMUser or AssumedRole.
	Type           string          `json:"type"`
	PrincipalID    string          `json:"principalId"`
	ARN            string          `json:"arn"`
	AccountID      string          `json:"accountId"`
	AccessKeyID    string          `json:"accessKeyId,omitempty"`
	UserName       string          `json:"userName,omitempty"`
	SessionContext *SessionContext `json:"sessionContext,omitempty"`
}

// SessionContext describes the session of an assumed role.
type SessionContext struct {
	SessionIssuer SessionIssuer     `json:"sessionIssuer"`
	Attributes    map[string]string `json:"attributes"`
}

// SessionIssuer is the role a session was issued for.
type SessionIssuer struct {
	Type        string `json:"type"`
	PrincipalID string `json:"principalId"`
	ARN         string `json:"arn"`
	AccountID   string `json:"accountId"`
	UserName    string `json:"userName"`
}

// EventResource is a resource in the record's resources list.
type EventResource struct {
	ARN       string `json:"ARN,omitempty"`
	AccountID string `json:"accountId"`
	Type      string `json:"type"`
}

// Resource is a resource as LookupEvents lists it (and filters on).
type Resource struct {
	ResourceType string `json:"resourceType"`
	ResourceName string `json:"resourceName"`
}

// Change is the configuration a call changed: the resource's newest
// configuration item before the call (nil when the call created it) and
// the one the call recorded.
type Change struct {
	ResourceType string           `json:"resourceType"`
	ResourceID   string           `json:"resourceId"`
	ResourceName string           `json:"resourceName,omitempty"`
	Before       *configitem.Item `json:"configurationBefore"`
	After        *configitem.Item `json:"configurationAfter"`
}

// Record is a stored event with what LookupEvents lists and filters on.
type Record struct {
	Event Event `json:"event"`
	// Time is the event's time to the nanosecond (Event.EventTime is
	// whole seconds, as CloudTrail writes it).
	Time time.Time `json:"time"`
	// Username is LookupEvents' Username: "root", the IAM user's name or
	// the role session's name.
	Username  string     `json:"username"`
	Resources []Resource `json:"resources,omitempty"`
	// AutomationExecutionID is the SSM Automation execution that made the
	// call ("" for other callers).
	AutomationExecutionID string `json:"automationExecutionId,omitempty"`
}

// eventTimeLayout is how CloudTrail writes eventTime.
const eventTimeLayout = "2006-01-02T15:04:05Z"
