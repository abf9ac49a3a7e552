package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GetDiscoveredResourceCounts", func(a *api) awsproto.Handler { return awsproto.JSON(a.getDiscoveredResourceCounts) })

type getDiscoveredResourceCountsInput struct {
	ResourceTypes []string `json:"resourceTypes,omitempty"`
	Limit         *int32   `json:"limit,omitempty"`
	NextToken     *string  `json:"nextToken,omitempty"`
}

type getDiscoveredResourceCountsOutput struct {
	TotalDiscoveredResources int64           `json:"totalDiscoveredResources"`
	ResourceCounts           []ResourceCount `json:"resourceCounts"`
	NextToken                string          `json:"nextToken,omitempty"`
}

// ResourceCount is the ResourceCount shape.
type ResourceCount struct {
	ResourceType string `json:"resourceType"`
	Count        int64  `json:"count"`
}

func (a *api) getDiscoveredResourceCounts(ctx context.Context, in *getDiscoveredResourceCountsInput) (*getDiscoveredResourceCountsOutput, error) {
	var v validate.Errors
	v.Items("resourceTypes", len(in.ResourceTypes), 0, 20, in.ResourceTypes)
	for i, t := range in.ResourceTypes {
		v.Len(validate.Member("resourceTypes", i, ""), t, 1, 256)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	limit, err := checkLimit(in.Limit, 100, 100)
	if err != nil {
		return nil, err
	}
	page, err := a.Recorder.ResourceCounts(ctx, scope(ctx), recorder.CountParams{
		ResourceTypes: in.ResourceTypes, Limit: limit, NextToken: valueOrEmpty(in.NextToken)})
	if err != nil {
		return nil, err
	}
	out := &getDiscoveredResourceCountsOutput{TotalDiscoveredResources: page.Total,
		ResourceCounts: make([]ResourceCount, 0, len(page.Counts)), NextToken: page.NextToken}
	for _, c := range page.Counts {
		out.ResourceCounts = append(out.ResourceCounts, ResourceCount{ResourceType: c.ResourceType, Count: c.Count})
	}
	return out, nil
}
