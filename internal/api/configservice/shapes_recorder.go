package configservice

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/tenant"
	"github.com/salvehq/salve/internal/validate"
)

// Enum values and limits of the recorder shapes.
var (
	recordingStrategyValues  = []string{recorder.StrategyAllSupported, recorder.StrategyInclusion, recorder.StrategyExclusion}
	recordingFrequencyValues = []string{recorder.FrequencyContinuous, recorder.FrequencyDaily}
	chronologicalOrderValues = []string{"Reverse", "Forward"}
)

// configurationItemVersion is the CI schema version Salve answers.
const configurationItemVersion = "1.3"

// customTypePattern is a CloudFormation registry type name
// (Organization::Service::Resource), the form of custom resource types.
const customTypePattern = `[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}`

// reservedOrganizations may not start a custom resource type (AWS reserves
// them; the comparison ignores case).
var reservedOrganizations = []string{"aws", "amzn", "amazon", "alexa", "custom", "azure"}

// ConfigurationRecorder is the ConfigurationRecorder shape.
type ConfigurationRecorder struct {
	Arn              *string         `json:"arn,omitempty"`
	Name             *string         `json:"name,omitempty"`
	RoleARN          *string         `json:"roleARN,omitempty"`
	RecordingGroup   *RecordingGroup `json:"recordingGroup,omitempty"`
	RecordingMode    *RecordingMode  `json:"recordingMode,omitempty"`
	RecordingScope   *string         `json:"recordingScope,omitempty"`
	ServicePrincipal *string         `json:"servicePrincipal,omitempty"`
}

// RecordingGroup is the RecordingGroup shape.
type RecordingGroup struct {
	AllSupported               *bool                     `json:"allSupported,omitempty"`
	IncludeGlobalResourceTypes *bool                     `json:"includeGlobalResourceTypes,omitempty"`
	ResourceTypes              []string                  `json:"resourceTypes"`
	ExclusionByResourceTypes   *ExclusionByResourceTypes `json:"exclusionByResourceTypes,omitempty"`
	RecordingStrategy          *RecordingStrategy        `json:"recordingStrategy,omitempty"`
}

// ExclusionByResourceTypes is the ExclusionByResourceTypes shape.
type ExclusionByResourceTypes struct {
	ResourceTypes []string `json:"resourceTypes"`
}

// RecordingStrategy is the RecordingStrategy shape.
type RecordingStrategy struct {
	UseOnly *string `json:"useOnly,omitempty"`
}

// RecordingMode is the RecordingMode shape.
type RecordingMode struct {
	RecordingFrequency     *string                 `json:"recordingFrequency,omitempty"`
	RecordingModeOverrides []RecordingModeOverride `json:"recordingModeOverrides"`
}

// RecordingModeOverride is the RecordingModeOverride shape.
type RecordingModeOverride struct {
	Description        *string  `json:"description,omitempty"`
	ResourceTypes      []string `json:"resourceTypes"`
	RecordingFrequency *string  `json:"recordingFrequency,omitempty"`
}

// ConfigurationItem is the ConfigurationItem shape (and, without tags,
// relationships, related events and hash, the BaseConfigurationItem one).
type ConfigurationItem struct {
	Version                      string              `json:"version"`
	AccountID                    string              `json:"accountId"`
	ConfigurationItemCaptureTime *awsproto.Timestamp `json:"configurationItemCaptureTime,omitempty"`
	ConfigurationItemStatus      string              `json:"configurationItemStatus"`
	ConfigurationStateID         string              `json:"configurationStateId"`
	ConfigurationItemMD5Hash     *string             `json:"configurationItemMD5Hash,omitempty"`
	Arn                          string              `json:"arn,omitempty"`
	ResourceType                 string              `json:"resourceType"`
	ResourceID                   string              `json:"resourceId"`
	ResourceName                 string              `json:"resourceName,omitempty"`
	AwsRegion                    string              `json:"awsRegion"`
	AvailabilityZone             string              `json:"availabilityZone,omitempty"`
	ResourceCreationTime         *awsproto.Timestamp `json:"resourceCreationTime,omitempty"`
	Tags                         map[string]string   `json:"tags,omitzero"`
	RelatedEvents                []string            `json:"relatedEvents,omitzero"`
	Relationships                []Relationship      `json:"relationships,omitzero"`
	Configuration                *string             `json:"configuration,omitempty"`
	SupplementaryConfiguration   map[string]string   `json:"supplementaryConfiguration"`
}

// Relationship is the Relationship shape.
type Relationship struct {
	ResourceType     string `json:"resourceType"`
	ResourceID       string `json:"resourceId,omitempty"`
	ResourceName     string `json:"resourceName,omitempty"`
	RelationshipName string `json:"relationshipName"`
}

// fromRecorder renders a recorder.
func fromRecorder(r *recorder.Recorder) ConfigurationRecorder {
	g := r.Group
	out := ConfigurationRecorder{
		Arn: &r.ARN, Name: &r.Name, RoleARN: &r.RoleARN,
		RecordingGroup: &RecordingGroup{
			AllSupported: &g.AllSupported, IncludeGlobalResourceTypes: &g.IncludeGlobalResourceTypes,
			ResourceTypes:            orEmpty(g.ResourceTypes),
			ExclusionByResourceTypes: &ExclusionByResourceTypes{ResourceTypes: orEmpty(g.ExclusionResourceTypes)},
			RecordingStrategy:        &RecordingStrategy{UseOnly: &g.UseOnly},
		},
		RecordingMode:  &RecordingMode{RecordingFrequency: &r.Mode.Frequency, RecordingModeOverrides: []RecordingModeOverride{}},
		RecordingScope: omitEmpty(recordingScopePaid),
	}
	for _, o := range r.Mode.Overrides {
		out.RecordingMode.RecordingModeOverrides = append(out.RecordingMode.RecordingModeOverrides, RecordingModeOverride{
			Description: omitEmpty(o.Description), ResourceTypes: o.ResourceTypes, RecordingFrequency: &o.Frequency,
		})
	}
	return out
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// toItem renders a recorded item as the ConfigurationItem shape.
func toItem(scope tenant.Scope, rec *recorder.RecordedItem) ConfigurationItem {
	out := toBaseItem(scope, rec)
	it := &rec.Item
	out.ConfigurationItemMD5Hash = &rec.MD5
	out.Tags = it.Tags
	if out.Tags == nil {
		out.Tags = map[string]string{}
	}
	out.RelatedEvents = []string{}
	out.Relationships = make([]Relationship, 0, len(it.Relationships))
	for _, r := range it.Relationships {
		out.Relationships = append(out.Relationships, Relationship{ResourceType: r.ResourceType,
			ResourceID: r.ResourceID, ResourceName: r.ResourceName, RelationshipName: r.Name})
	}
	return out
}

// toBaseItem renders a recorded item as the BaseConfigurationItem shape.
func toBaseItem(scope tenant.Scope, rec *recorder.RecordedItem) ConfigurationItem {
	it := &rec.Item
	out := ConfigurationItem{
		Version: configurationItemVersion, AccountID: scope.AccountID,
		ConfigurationItemCaptureTime: awsproto.NewTimestamp(it.CaptureTime), ConfigurationItemStatus: it.Status,
		ConfigurationStateID: strconv.FormatInt(rec.StateID, 10), Arn: it.ARN,
		ResourceType: it.ResourceType, ResourceID: it.ResourceID, ResourceName: it.ResourceName,
		AwsRegion: recorder.Region(scope, it), AvailabilityZone: it.AvailabilityZone,
		ResourceCreationTime:       awsproto.NewTimestamp(it.ResourceCreationTime),
		SupplementaryConfiguration: supplementary(it),
	}
	if it.Configuration != nil {
		s := jsonString(it.Configuration)
		out.Configuration = &s
	}
	return out
}

// supplementary renders each supplementary value as a JSON string (a value
// that is already a string is encoded again, as AWS does).
func supplementary(it *configitem.Item) map[string]string {
	out := make(map[string]string, len(it.SupplementaryConfiguration))
	for k, v := range it.SupplementaryConfiguration {
		out[k] = jsonString(v)
	}
	return out
}

// jsonString encodes a stored JSON value; stored values always encode.
func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// validateResourceType checks a resource type member: one of the model's
// types, or (where allowed) a custom type name.
func validateResourceType(v *validate.Errors, path, t string, allowCustom bool) {
	if slices.Contains(resourceTypes, t) || (allowCustom && isCustomType(t)) {
		return
	}
	v.Enum(path, t, resourceTypes...)
}

// isCustomType reports whether t is a well-formed custom resource type
// outside the namespaces AWS reserves.
func isCustomType(t string) bool {
	if !validate.Matches(customTypePattern, t) {
		return false
	}
	org, _, _ := strings.Cut(t, "::")
	return !slices.Contains(reservedOrganizations, strings.ToLower(org))
}

// checkLimit answers InvalidLimitException for a limit over max, as AWS
// does for these operations; 0 or nil means the default.
func checkLimit(limit *int32, max, def int) (int, error) {
	switch {
	case limit == nil || *limit == 0:
		return def, nil
	case *limit < 0 || int(*limit) > max:
		return 0, awserr.New(awserr.InvalidLimitException,
			"Value '%d' at 'limit' failed to satisfy constraint: Member must have value between 0 and %d", *limit, max)
	}
	return int(*limit), nil
}

// recorderNameInput is the input of Start, Stop and
// DeleteConfigurationRecorder.
type recorderNameInput struct {
	ConfigurationRecorderName *string `json:"ConfigurationRecorderName,omitempty"`
}

func (in *recorderNameInput) validate() error {
	var v validate.Errors
	if v.Required("configurationRecorderName", in.ConfigurationRecorderName != nil) {
		v.Len("configurationRecorderName", *in.ConfigurationRecorderName, 1, 256)
	}
	return v.Err()
}

// validationError is a ValidationException with a free-form message.
func validationError(format string, args ...any) error {
	return awserr.New(awserr.ValidationException, format, args...)
}
