package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GetResourceConfigHistory", func(a *api) awsproto.Handler { return awsproto.JSON(a.getResourceConfigHistory) })

type getResourceConfigHistoryInput struct {
	ResourceType       *string             `json:"resourceType,omitempty"`
	ResourceID         *string             `json:"resourceId,omitempty"`
	LaterTime          *awsproto.Timestamp `json:"laterTime,omitempty"`
	EarlierTime        *awsproto.Timestamp `json:"earlierTime,omitempty"`
	ChronologicalOrder *string             `json:"chronologicalOrder,omitempty"`
	Limit              *int32              `json:"limit,omitempty"`
	NextToken          *string             `json:"nextToken,omitempty"`
}

type getResourceConfigHistoryOutput struct {
	ConfigurationItems []ConfigurationItem `json:"configurationItems"`
	NextToken          string              `json:"nextToken,omitempty"`
}

func (a *api) getResourceConfigHistory(ctx context.Context, in *getResourceConfigHistoryInput) (*getResourceConfigHistoryOutput, error) {
	var v validate.Errors
	if v.Required("resourceType", in.ResourceType != nil) {
		validateResourceType(&v, "resourceType", *in.ResourceType, true)
	}
	if v.Required("resourceId", in.ResourceID != nil) {
		v.Len("resourceId", *in.ResourceID, 1, 768)
	}
	v.OptionalEnum("chronologicalOrder", in.ChronologicalOrder, chronologicalOrderValues...)
	if err := v.Err(); err != nil {
		return nil, err
	}
	limit, err := checkLimit(in.Limit, 100, 10)
	if err != nil {
		return nil, err
	}
	sc := scope(ctx)
	page, err := a.Recorder.ConfigHistory(ctx, sc, recorder.HistoryParams{
		ResourceType: *in.ResourceType, ResourceID: *in.ResourceID,
		LaterTime: in.LaterTime.Value(), EarlierTime: in.EarlierTime.Value(),
		Forward: valueOrEmpty(in.ChronologicalOrder) == "Forward", Limit: limit, NextToken: valueOrEmpty(in.NextToken),
	})
	if err != nil {
		return nil, err
	}
	out := &getResourceConfigHistoryOutput{ConfigurationItems: make([]ConfigurationItem, 0, len(page.Items)), NextToken: page.NextToken}
	for i := range page.Items {
		out.ConfigurationItems = append(out.ConfigurationItems, toItem(sc, &page.Items[i]))
	}
	return out, nil
}
