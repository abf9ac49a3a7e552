package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListDiscoveredResources", func(a *api) awsproto.Handler { return awsproto.JSON(a.listDiscoveredResources) })

// maxListedResourceIDs is how many resourceIds one call may name.
const maxListedResourceIDs = 20

type listDiscoveredResourcesInput struct {
	ResourceType            *string  `json:"resourceType,omitempty"`
	ResourceIds             []string `json:"resourceIds,omitempty"`
	ResourceName            *string  `json:"resourceName,omitempty"`
	Limit                   *int32   `json:"limit,omitempty"`
	IncludeDeletedResources *bool    `json:"includeDeletedResources,omitempty"`
	NextToken               *string  `json:"nextToken,omitempty"`
}

type listDiscoveredResourcesOutput struct {
	ResourceIdentifiers []ResourceIdentifier `json:"resourceIdentifiers"`
	NextToken           string               `json:"nextToken,omitempty"`
}

// ResourceIdentifier is the ResourceIdentifier shape.
type ResourceIdentifier struct {
	ResourceType         string              `json:"resourceType"`
	ResourceID           string              `json:"resourceId"`
	ResourceName         string              `json:"resourceName,omitempty"`
	ResourceDeletionTime *awsproto.Timestamp `json:"resourceDeletionTime,omitempty"`
}

func (a *api) listDiscoveredResources(ctx context.Context, in *listDiscoveredResourcesInput) (*listDiscoveredResourcesOutput, error) {
	if err := validateListDiscoveredResources(in); err != nil {
		return nil, err
	}
	limit, err := checkLimit(in.Limit, 100, 100)
	if err != nil {
		return nil, err
	}
	page, err := a.Recorder.ListDiscovered(ctx, scope(ctx), recorder.ListParams{
		ResourceType: *in.ResourceType, ResourceIDs: in.ResourceIds, ResourceName: valueOrEmpty(in.ResourceName),
		IncludeDeleted: in.IncludeDeletedResources != nil && *in.IncludeDeletedResources,
		Limit:          limit, NextToken: valueOrEmpty(in.NextToken),
	})
	if err != nil {
		return nil, err
	}
	out := &listDiscoveredResourcesOutput{ResourceIdentifiers: make([]ResourceIdentifier, 0, len(page.Resources)), NextToken: page.NextToken}
	for _, r := range page.Resources {
		out.ResourceIdentifiers = append(out.ResourceIdentifiers, ResourceIdentifier{ResourceType: r.ResourceType,
			ResourceID: r.ResourceID, ResourceName: r.ResourceName, ResourceDeletionTime: awsproto.NewTimestamp(r.DeletedAt)})
	}
	return out, nil
}

func validateListDiscoveredResources(in *listDiscoveredResourcesInput) error {
	var v validate.Errors
	if v.Required("resourceType", in.ResourceType != nil) {
		validateResourceType(&v, "resourceType", *in.ResourceType, true)
	}
	for i, id := range in.ResourceIds {
		v.Len(validate.Member("resourceIds", i, ""), id, 1, 768)
	}
	if err := v.Err(); err != nil {
		return err
	}
	switch {
	case len(in.ResourceIds) > maxListedResourceIDs:
		return validationError("The specified list had more than %d resource ID's. It must have '%d' or less items",
			maxListedResourceIDs, maxListedResourceIDs)
	case len(in.ResourceIds) > 0 && in.ResourceName != nil:
		return validationError("Both Resource ID and Resource Name cannot be specified in the request")
	}
	return nil
}
