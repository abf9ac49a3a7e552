package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutConfigurationRecorder", func(a *api) awsproto.Handler { return awsproto.JSON(a.putConfigurationRecorder) })

type putConfigurationRecorderInput struct {
	ConfigurationRecorder *ConfigurationRecorder `json:"ConfigurationRecorder,omitempty"`
	Tags                  []Tag                  `json:"Tags,omitempty"`
}

type putConfigurationRecorderOutput struct{}

func (a *api) putConfigurationRecorder(ctx context.Context, in *putConfigurationRecorderInput) (*putConfigurationRecorderOutput, error) {
	if err := validatePutConfigurationRecorder(in); err != nil {
		return nil, err
	}
	r := in.ConfigurationRecorder
	if r.ServicePrincipal != nil {
		return nil, recorder.Error(recorder.CodeUnmodifiableEntity,
			"PutConfigurationRecorder cannot create a service-linked configuration recorder: use PutServiceLinkedConfigurationRecorder.")
	}
	name := valueOrEmpty(r.Name)
	if r.Name == nil {
		name = recorder.DefaultName
	}
	p := recorder.PutRecorderParams{Name: name, RoleARN: valueOrEmpty(r.RoleARN),
		Group: toRecordingGroup(r.RecordingGroup), Mode: toRecordingMode(r.RecordingMode)}
	for _, t := range in.Tags {
		p.Tags = append(p.Tags, recorder.Tag{Key: valueOrEmpty(t.Key), Value: valueOrEmpty(t.Value)})
	}
	if err := a.Recorder.PutRecorder(ctx, scope(ctx), p); err != nil {
		return nil, err
	}
	return &putConfigurationRecorderOutput{}, nil
}

func validatePutConfigurationRecorder(in *putConfigurationRecorderInput) error {
	var v validate.Errors
	const path = "configurationRecorder"
	if r := in.ConfigurationRecorder; v.Required(path, r != nil) {
		// An empty name is InvalidConfigurationRecorderNameException, below.
		v.String(path+".name", r.Name, 0, 256)
		validateRecordingGroup(&v, path+".recordingGroup", r.RecordingGroup)
		validateRecordingMode(&v, path+".recordingMode", r.RecordingMode)
		v.String(path+".servicePrincipal", r.ServicePrincipal, 1, 128)
	}
	validateTags(&v, in.Tags)
	return v.Err()
}

func validateRecordingGroup(v *validate.Errors, path string, g *RecordingGroup) {
	if g == nil {
		return
	}
	for i, t := range g.ResourceTypes {
		validateResourceType(v, validate.Member(path+".resourceTypes", i, ""), t, false)
	}
	if e := g.ExclusionByResourceTypes; e != nil {
		for i, t := range e.ResourceTypes {
			validateResourceType(v, validate.Member(path+".exclusionByResourceTypes.resourceTypes", i, ""), t, false)
		}
	}
	if s := g.RecordingStrategy; s != nil {
		v.OptionalEnum(path+".recordingStrategy.useOnly", s.UseOnly, recordingStrategyValues...)
	}
}

func validateRecordingMode(v *validate.Errors, path string, m *RecordingMode) {
	if m == nil {
		return
	}
	if v.Required(path+".recordingFrequency", m.RecordingFrequency != nil) {
		v.Enum(path+".recordingFrequency", *m.RecordingFrequency, recordingFrequencyValues...)
	}
	v.Items(path+".recordingModeOverrides", len(m.RecordingModeOverrides), 0, 1, nil)
	for i, o := range m.RecordingModeOverrides {
		p := validate.Member(path+".recordingModeOverrides", i, "")
		v.String(p+".description", o.Description, 1, 256)
		if v.Required(p+".resourceTypes", o.ResourceTypes != nil) {
			for j, t := range o.ResourceTypes {
				validateResourceType(v, validate.Member(p+".resourceTypes", j, ""), t, false)
			}
		}
		if v.Required(p+".recordingFrequency", o.RecordingFrequency != nil) {
			v.Enum(p+".recordingFrequency", *o.RecordingFrequency, recordingFrequencyValues...)
		}
	}
}

// toRecordingGroup converts a validated group; nil means the default.
func toRecordingGroup(g *RecordingGroup) *recorder.RecordingGroup {
	if g == nil {
		return nil
	}
	out := &recorder.RecordingGroup{
		AllSupported: g.AllSupported != nil && *g.AllSupported, ResourceTypes: g.ResourceTypes,
		IncludeGlobalResourceTypes: g.IncludeGlobalResourceTypes != nil && *g.IncludeGlobalResourceTypes,
	}
	if g.ExclusionByResourceTypes != nil {
		out.ExclusionResourceTypes = g.ExclusionByResourceTypes.ResourceTypes
	}
	if g.RecordingStrategy != nil {
		out.UseOnly = valueOrEmpty(g.RecordingStrategy.UseOnly)
	}
	return out
}

// toRecordingMode converts a validated mode; nil means CONTINUOUS.
func toRecordingMode(m *RecordingMode) *recorder.RecordingMode {
	if m == nil {
		return nil
	}
	out := &recorder.RecordingMode{Frequency: *m.RecordingFrequency}
	for _, o := range m.RecordingModeOverrides {
		out.Overrides = append(out.Overrides, recorder.ModeOverride{Description: valueOrEmpty(o.Description),
			ResourceTypes: o.ResourceTypes, Frequency: *o.RecordingFrequency})
	}
	return out
}
