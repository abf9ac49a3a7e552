package configservice

import (
	"context"
	"encoding/json"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutResourceConfig", func(a *api) awsproto.Handler { return awsproto.JSON(a.putResourceConfig) })

// maxConfigurationBytes is the size limit of PutResourceConfig's
// Configuration (64 KB).
const maxConfigurationBytes = 64 * 1024

type putResourceConfigInput struct {
	ResourceType    *string           `json:"ResourceType,omitempty"`
	SchemaVersionID *string           `json:"SchemaVersionId,omitempty"`
	ResourceID      *string           `json:"ResourceId,omitempty"`
	ResourceName    *string           `json:"ResourceName,omitempty"`
	Configuration   *string           `json:"Configuration,omitempty"`
	Tags            map[string]string `json:"Tags,omitempty"`
}

type putResourceConfigOutput struct{}

// putResourceConfig records a custom resource's configuration; SchemaVersionId
// is checked and not kept (Salve has no CloudFormation registry to check
// the configuration against).
func (a *api) putResourceConfig(ctx context.Context, in *putResourceConfigInput) (*putResourceConfigOutput, error) {
	var v validate.Errors
	validateCustomKey(&v, in.ResourceType, in.ResourceID)
	if v.Required("schemaVersionId", in.SchemaVersionID != nil) {
		v.Len("schemaVersionId", *in.SchemaVersionID, 1, 128)
		v.Pattern("schemaVersionId", *in.SchemaVersionID, `[A-Za-z0-9-]+`)
	}
	v.Required("configuration", in.Configuration != nil)
	if err := v.Err(); err != nil {
		return nil, err
	}
	conf, err := decodeConfiguration(*in.Configuration)
	if err != nil {
		return nil, err
	}
	err = a.Recorder.PutResourceConfig(ctx, scope(ctx), recorder.PutResourceParams{
		ResourceType: *in.ResourceType, ResourceID: *in.ResourceID, ResourceName: valueOrEmpty(in.ResourceName),
		Configuration: conf, Tags: in.Tags,
	})
	if err != nil {
		return nil, err
	}
	return &putResourceConfigOutput{}, nil
}

// validateCustomKey checks the ResourceType and ResourceId of
// PutResourceConfig and DeleteResourceConfig: the type must be a custom
// one, outside the namespaces AWS reserves.
func validateCustomKey(v *validate.Errors, resourceType, resourceID *string) {
	if v.Required("resourceType", resourceType != nil) {
		v.Len("resourceType", *resourceType, 1, 196)
		if !isCustomType(*resourceType) {
			v.Add("resourceType", *resourceType, "Member must be a custom resource type registered with CloudFormation "+
				"(Organization::Service::Resource), outside the AWS, Amazon, Alexa, Custom and Azure namespaces")
		}
	}
	if v.Required("resourceId", resourceID != nil) {
		v.Len("resourceId", *resourceID, 1, 768)
	}
}

// decodeConfiguration decodes the Configuration member: a JSON object of
// at most 64 KB.
func decodeConfiguration(s string) (map[string]any, error) {
	if len(s) > maxConfigurationBytes {
		return nil, validationError("Configuration is %d bytes: it must not exceed 64 KB.", len(s))
	}
	var conf map[string]any
	if err := json.Unmarshal([]byte(s), &conf); err != nil || conf == nil {
		return nil, validationError("Configuration must be a JSON object in valid JSON format.")
	}
	return conf, nil
}
