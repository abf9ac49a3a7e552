package cloudtrail

import (
	"time"

	"github.com/salvehq/salve/internal/tenant"
)

// Trail is one trail as stored in its home region.
type Trail struct {
	Name       string `json:"name"`
	AccountID  string `json:"accountId"`
	HomeRegion string `json:"homeRegion"`
	// CreatedAt is when CreateTrail ran.
	CreatedAt    time.Time `json:"createdAt"`
	S3BucketName string    `json:"s3BucketName"`
	S3KeyPrefix  string    `json:"s3KeyPrefix,omitempty"`
	// SnsTopicName is the topic as the caller gave it (a name or an ARN);
	// SnsTopicARN is its ARN.
	SnsTopicName               string `json:"snsTopicName,omitempty"`
	SnsTopicARN                string `json:"snsTopicArn,omitempty"`
	IncludeGlobalServiceEvents bool   `json:"includeGlobalServiceEvents,omitempty"`
	IsMultiRegionTrail         bool   `json:"isMultiRegionTrail,omitempty"`
	LogFileValidationEnabled   bool   `json:"logFileValidationEnabled,omitempty"`
	// KmsKeyID is the key as a full ARN (a key or an alias ARN).
	KmsKeyID                  string `json:"kmsKeyId,omitempty"`
	CloudWatchLogsLogGroupArn string `json:"cloudWatchLogsLogGroupArn,omitempty"`
	CloudWatchLogsRoleArn     string `json:"cloudWatchLogsRoleArn,omitempty"`
	// HasCustomEventSelectors is set once PutEventSelectors has run.
	HasCustomEventSelectors bool                    `json:"hasCustomEventSelectors,omitempty"`
	EventSelectors          []EventSelector         `json:"eventSelectors,omitempty"`
	AdvancedEventSelectors  []AdvancedEventSelector `json:"advancedEventSelectors,omitempty"`
	Tags                    []Tag                   `json:"tags,omitempty"`
	Logging                 Logging                 `json:"logging"`
}

// Logging is a trail's logging state (GetTrailStatus).
type Logging struct {
	IsLogging bool `json:"isLogging,omitempty"`
	// StartedAt and StoppedAt are the last StartLogging and StopLogging
	// times, zero if never called.
	StartedAt time.Time `json:"startedAt,omitzero"`
	StoppedAt time.Time `json:"stoppedAt,omitzero"`
}

// Tag is one tag of a trail; a nil Value is a key without a value.
type Tag struct {
	Key   string  `json:"key"`
	Value *string `json:"value,omitempty"`
}

// EventSelector is a basic event selector.
type EventSelector struct {
	// ReadWriteType is ReadOnly, WriteOnly or All.
	ReadWriteType                 string         `json:"readWriteType"`
	IncludeManagementEvents       bool           `json:"includeManagementEvents,omitempty"`
	DataResources                 []DataResource `json:"dataResources,omitempty"`
	ExcludeManagementEventSources []string       `json:"excludeManagementEventSources,omitempty"`
}

// DataResource selects data events of one resource type.
type DataResource struct {
	Type   string   `json:"type,omitempty"`
	Values []string `json:"values,omitempty"`
}

// AdvancedEventSelector is an advanced event selector.
type AdvancedEventSelector struct {
	Name           string                  `json:"name,omitempty"`
	FieldSelectors []AdvancedFieldSelector `json:"fieldSelectors"`
}

// AdvancedFieldSelector is one condition of an advanced event selector.
type AdvancedFieldSelector struct {
	Field         string   `json:"field"`
	Equals        []string `json:"equals,omitempty"`
	StartsWith    []string `json:"startsWith,omitempty"`
	EndsWith      []string `json:"endsWith,omitempty"`
	NotEquals     []string `json:"notEquals,omitempty"`
	NotStartsWith []string `json:"notStartsWith,omitempty"`
	NotEndsWith   []string `json:"notEndsWith,omitempty"`
}

// DefaultEventSelectors are the selectors of a trail that never had
// PutEventSelectors: every management event, read and write.
func DefaultEventSelectors() []EventSelector {
	return []EventSelector{{ReadWriteType: ReadWriteAll, IncludeManagementEvents: true}}
}

// ReadWriteType values.
const (
	ReadWriteReadOnly  = "ReadOnly"
	ReadWriteWriteOnly = "WriteOnly"
	ReadWriteAll       = "All"
)

// ARN returns the trail's ARN, in its home region.
func (t *Trail) ARN() string {
	return trailARN(t.home(), t.Name)
}

func (t *Trail) home() tenant.Scope {
	return tenant.Scope{AccountID: t.AccountID, Region: t.HomeRegion}
}

// VisibleIn reports whether the trail is seen from region: its home, or
// any region for a multi-region trail (where it is a shadow trail).
func (t *Trail) VisibleIn(region string) bool {
	return t.HomeRegion == region || t.IsMultiRegionTrail
}

// Selectors returns the trail's selectors as GetEventSelectors shows them:
// its advanced selectors, else its basic ones, else the defaults.
func (t *Trail) Selectors() ([]EventSelector, []AdvancedEventSelector) {
	if len(t.AdvancedEventSelectors) > 0 {
		return nil, t.AdvancedEventSelectors
	}
	if t.HasCustomEventSelectors {
		return t.EventSelectors, nil
	}
	return DefaultEventSelectors(), nil
}

// TagMap returns the tags as a map (a key without a value maps to "").
func (t *Trail) TagMap() map[string]string {
	out := make(map[string]string, len(t.Tags))
	for _, tag := range t.Tags {
		v := ""
		if tag.Value != nil {
			v = *tag.Value
		}
		out[tag.Key] = v
	}
	return out
}

func trailARN(home tenant.Scope, name string) string {
	return home.ARN("cloudtrail", "trail/"+name)
}
