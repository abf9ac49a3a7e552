package recorder

import (
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// Recording strategies (RecordingStrategy.useOnly).
const (
	StrategyAllSupported = "ALL_SUPPORTED_RESOURCE_TYPES"
	StrategyInclusion    = "INCLUSION_BY_RESOURCE_TYPES"
	StrategyExclusion    = "EXCLUSION_BY_RESOURCE_TYPES"
)

// Recording frequencies.
const (
	FrequencyContinuous = "CONTINUOUS"
	FrequencyDaily      = "DAILY"
)

// DefaultName is the name of the implicit recorder, and of a recorder or
// delivery channel put without one.
const DefaultName = "default"

// StatusSuccess is the lastStatus of a recorder that has been started (AWS
// answers the upper-case spelling, not the model's "Success").
const StatusSuccess = "SUCCESS"

// Recorder is the configuration recorder of one account and region.
type Recorder struct {
	Name    string         `json:"name"`
	ARN     string         `json:"arn"`
	RoleARN string         `json:"roleArn"`
	Group   RecordingGroup `json:"group"`
	Mode    RecordingMode  `json:"mode"`
	Tags    []Tag          `json:"tags,omitempty"`
	// Implicit marks Salve's default recorder, never put by the user:
	// starting it needs no delivery channel.
	Implicit             bool      `json:"implicit,omitempty"`
	Recording            bool      `json:"recording,omitempty"`
	LastStatus           string    `json:"lastStatus,omitempty"`
	LastStartTime        time.Time `json:"lastStartTime,omitzero"`
	LastStopTime         time.Time `json:"lastStopTime,omitzero"`
	LastStatusChangeTime time.Time `json:"lastStatusChangeTime,omitzero"`
}

// RecordingGroup says which resource types a recorder records.
type RecordingGroup struct {
	AllSupported               bool     `json:"allSupported,omitempty"`
	IncludeGlobalResourceTypes bool     `json:"includeGlobalResourceTypes,omitempty"`
	ResourceTypes              []string `json:"resourceTypes,omitempty"`
	ExclusionResourceTypes     []string `json:"exclusionResourceTypes,omitempty"`
	// UseOnly is the recording strategy; "" is inferred by PutRecorder.
	UseOnly string `json:"useOnly,omitempty"`
}

// RecordingMode is a recorder's recording frequency. Salve records every
// change as it happens whatever the frequency says.
type RecordingMode struct {
	Frequency string         `json:"frequency"`
	Overrides []ModeOverride `json:"overrides,omitempty"`
}

// ModeOverride is a frequency for some resource types.
type ModeOverride struct {
	Description   string   `json:"description,omitempty"`
	ResourceTypes []string `json:"resourceTypes"`
	Frequency     string   `json:"frequency"`
}

// Tag is a key and value.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// DeliveryChannel is where AWS would deliver snapshots and history; Salve
// stores it and delivers nothing.
type DeliveryChannel struct {
	Name              string    `json:"name"`
	S3BucketName      string    `json:"s3BucketName"`
	S3KeyPrefix       *string   `json:"s3KeyPrefix,omitempty"`
	S3KmsKeyARN       *string   `json:"s3KmsKeyArn,omitempty"`
	SNSTopicARN       *string   `json:"snsTopicArn,omitempty"`
	DeliveryFrequency string    `json:"deliveryFrequency,omitempty"`
	CreatedAt         time.Time `json:"createdAt"`
}

// RecordedItem is a configuration item as the recorder stored it.
type RecordedItem struct {
	Item configitem.Item `json:"item"`
	// StateID orders the items of one resource: 1 for the first.
	StateID int64 `json:"stateId"`
	// MD5 is the hash of the item's state (what it says about the
	// resource, not when or why it was captured).
	MD5 string `json:"md5"`
}

// Change is an entry of the global change queue: a resource whose
// current item changed.
type Change struct {
	// Key is the change's key in ChangeBucket, for DeleteChange.
	Key          string       `json:"-"`
	Scope        tenant.Scope `json:"scope"`
	ResourceType string       `json:"resourceType"`
	ResourceID   string       `json:"resourceId"`
	Deleted      bool         `json:"deleted,omitempty"`
}

// ResourceIdentifier is an entry of ListDiscoveredResources.
type ResourceIdentifier struct {
	ResourceType string
	ResourceID   string
	ResourceName string
	// DeletedAt is when a deleted resource's deletion was recorded; zero
	// for a live one.
	DeletedAt time.Time
}

// ResourceCount is the number of live resources of a type.
type ResourceCount struct {
	ResourceType string
	Count        int64
}

// ResourceKey names a resource.
type ResourceKey struct {
	ResourceType string
	ResourceID   string
}
