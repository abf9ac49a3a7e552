package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListEventBuses", func(a *api) awsproto.Handler { return awsproto.JSON(a.listEventBuses) })

type listEventBusesInput struct {
	NamePrefix *string `json:"NamePrefix,omitempty"`
	NextToken  *string `json:"NextToken,omitempty"`
	Limit      *int32  `json:"Limit,omitempty"`
}

type listEventBusesOutput struct {
	EventBuses []EventBus `json:"EventBuses"`
	NextToken  string     `json:"NextToken,omitempty"`
}

func (a *api) listEventBuses(ctx context.Context, in *listEventBusesInput) (*listEventBusesOutput, error) {
	var v validate.Errors
	if in.NamePrefix != nil {
		v.Len("namePrefix", *in.NamePrefix, 1, 256)
		v.Pattern("namePrefix", *in.NamePrefix, busNamePattern)
	}
	validatePage(&v, in.NextToken, in.Limit)
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, err := a.Events.ListEventBuses(ctx, scope(ctx), events.ListParams{NamePrefix: value(in.NamePrefix),
		NextToken: value(in.NextToken), Limit: intValue(in.Limit)})
	if err != nil {
		return nil, err
	}
	out := &listEventBusesOutput{EventBuses: make([]EventBus, len(page.Buses)), NextToken: page.NextToken}
	for i := range page.Buses {
		out.EventBuses[i] = fromBus(&page.Buses[i])
	}
	return out, nil
}
