package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("BatchGetResourceConfig", func(a *api) awsproto.Handler { return awsproto.JSON(a.batchGetResourceConfig) })

type batchGetResourceConfigInput struct {
	ResourceKeys []ResourceKey `json:"resourceKeys,omitempty"`
}

type batchGetResourceConfigOutput struct {
	BaseConfigurationItems  []ConfigurationItem `json:"baseConfigurationItems"`
	UnprocessedResourceKeys []ResourceKey       `json:"unprocessedResourceKeys"`
}

// batchGetResourceConfig answers every key it can; unknown and deleted
// resources are left out, and no key is ever unprocessed.
func (a *api) batchGetResourceConfig(ctx context.Context, in *batchGetResourceConfigInput) (*batchGetResourceConfigOutput, error) {
	if err := validateBatchResourceKeys(in.ResourceKeys); err != nil {
		return nil, err
	}
	keys := make([]recorder.ResourceKey, len(in.ResourceKeys))
	for i, k := range in.ResourceKeys {
		keys[i] = recorder.ResourceKey{ResourceType: *k.ResourceType, ResourceID: *k.ResourceId}
	}
	sc := scope(ctx)
	items, err := a.Recorder.BatchGet(ctx, sc, keys)
	if err != nil {
		return nil, err
	}
	out := &batchGetResourceConfigOutput{BaseConfigurationItems: make([]ConfigurationItem, 0, len(items)),
		UnprocessedResourceKeys: []ResourceKey{}}
	for i := range items {
		out.BaseConfigurationItems = append(out.BaseConfigurationItems, toBaseItem(sc, &items[i]))
	}
	return out, nil
}

// validateBatchResourceKeys checks 1..100 keys whose types may be custom.
func validateBatchResourceKeys(keys []ResourceKey) error {
	var v validate.Errors
	shown := make([]string, len(keys))
	for i, k := range keys {
		shown[i] = valueOrEmpty(k.ResourceType) + "/" + valueOrEmpty(k.ResourceId)
	}
	v.Items("resourceKeys", len(keys), 1, 100, shown)
	for i, k := range keys {
		tp := validate.Member("resourceKeys", i, "resourceType")
		if v.Required(tp, k.ResourceType != nil) {
			validateResourceType(&v, tp, *k.ResourceType, true)
		}
		ip := validate.Member("resourceKeys", i, "resourceId")
		if v.Required(ip, k.ResourceId != nil) {
			v.Len(ip, *k.ResourceId, 1, 768)
		}
	}
	return v.Err()
}
